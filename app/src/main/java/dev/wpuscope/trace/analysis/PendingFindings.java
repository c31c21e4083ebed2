package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.Call;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Findings that a record arriving later may still explain (see {@link ResourceTracker}): each waits until a later
 * creation or close of its value explains it, or until it is settled and reported. Kept per value (to find the ones a
 * record can explain) and per process in arrival order (to settle the oldest first), so neither costs more than the
 * findings concerned.
 *
 * @param <K> the value a finding is about (process and handle value)
 */
final class PendingFindings<K> {

    /** Whether a creation or close of the value, recorded after the finding, explains it (and then applies it). */
    @FunctionalInterface
    interface Explanation {
        boolean explains(Call later, boolean creation);
    }

    private static final class Pending<K> {
        final K value;
        final Call event;
        final Explanation explanation;
        final Runnable report;
        boolean over;

        Pending(K value, Call event, Explanation explanation, Runnable report) {
            this.value = value;
            this.event = event;
            this.explanation = explanation;
            this.report = report;
        }
    }

    private final Map<K, List<Pending<K>>> byValue = new HashMap<>();
    private final Map<Integer, ArrayDeque<Pending<K>>> byProcess = new HashMap<>();

    /** {@code event} shows a misuse of {@code value}, reported by {@code report} unless explained first. */
    void add(K value, Call event, Explanation explanation, Runnable report) {
        Pending<K> p = new Pending<>(value, event, explanation, report);
        byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(p);
        byProcess.computeIfAbsent(event.pid(), pid -> new ArrayDeque<>()).add(p);
    }

    /** A creation or close of {@code value} arrived: the findings about the value it explains are dropped. */
    void explain(K value, Call later, boolean creation) {
        List<Pending<K>> waiting = byValue.get(value);
        if (waiting == null) {
            return;
        }
        for (Iterator<Pending<K>> it = waiting.iterator(); it.hasNext(); ) {
            Pending<K> p = it.next();
            if (p.event != later && p.explanation.explains(later, creation)) {
                p.over = true;
                it.remove();
            }
        }
        if (waiting.isEmpty()) {
            byValue.remove(value);
        }
    }

    /** Reports the process's oldest findings that {@code later} shows no record can explain any more. */
    void settleDue(Call later, EffectOrder order) {
        if (byProcess.isEmpty()) {
            return;
        }
        ArrayDeque<Pending<K>> queue = byProcess.get(later.pid());
        while (queue != null && !queue.isEmpty()
                && (queue.peekFirst().over || order.settled(queue.peekFirst().event, later))) {
            report(queue.pollFirst());
        }
        if (queue != null && queue.isEmpty()) {
            byProcess.remove(later.pid());
        }
    }

    /** Reports every finding of the process (its load session ended). */
    void settleProcess(int pid) {
        ArrayDeque<Pending<K>> queue = byProcess.remove(pid);
        while (queue != null && !queue.isEmpty()) {
            report(queue.pollFirst());
        }
    }

    /** Reports every finding (the input is over). */
    void settleAll() {
        for (Integer pid : List.copyOf(byProcess.keySet())) {
            settleProcess(pid);
        }
    }

    private void report(Pending<K> p) {
        if (p.over) {
            return;
        }
        p.over = true;
        List<Pending<K>> waiting = byValue.get(p.value);
        if (waiting != null && waiting.remove(p) && waiting.isEmpty()) {
            byValue.remove(p.value);
        }
        p.report.run();
    }
}
