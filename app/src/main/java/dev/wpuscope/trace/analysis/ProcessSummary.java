package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the trace says about one traced process: its load sessions (one for a 1.0 tracer, which does not say
 * when the same process loads the providers again).
 *
 * @param hello        its first PROCESS_HELLO, {@code null} when the trace does not have it
 * @param loadSessions in order, at least one
 */
public record ProcessSummary(int pid, ProcessHello hello, List<LoadSessionSummary> loadSessions) {

    public ProcessSummary {
        loadSessions = List.copyOf(loadSessions);
    }

    /** UPCALL records received in all its load sessions. */
    public long upcalls() {
        return loadSessions.stream().mapToLong(LoadSessionSummary::upcalls).sum();
    }

    /** DOWNCALL records received in all its load sessions. */
    public long downcalls() {
        return loadSessions.stream().mapToLong(LoadSessionSummary::downcalls).sum();
    }

    public long failedUpcalls() {
        return loadSessions.stream().mapToLong(LoadSessionSummary::failedUpcalls).sum();
    }

    /** Events the tracer dropped in all its load sessions. */
    public long droppedTotal() {
        return loadSessions.stream().mapToLong(LoadSessionSummary::droppedTotal).sum();
    }

    /** Whether its last load session said goodbye. */
    public boolean ended() {
        return loadSessions.get(loadSessions.size() - 1).ended();
    }

    /** The image path, or a placeholder when the hello is missing. */
    public String image() {
        return hello == null ? "(no PROCESS_HELLO)" : hello.imagePath();
    }

    /**
     * How its load sessions ended, e.g. "4 ended at WSPCleanup, 1 at process exit" (sessions without a goodbye:
     * "without goodbye"), in the order first seen.
     */
    public String endings() {
        Map<String, Long> byEnd = loadSessions.stream().collect(Collectors.groupingBy(
                s -> s.ended() ? s.endReason().phrase() : "without goodbye", LinkedHashMap::new,
                Collectors.counting()));
        List<String> parts = new ArrayList<>();
        byEnd.forEach((end, count) -> parts.add(count + " "
                + (parts.isEmpty() || !end.startsWith("ended ") ? end : end.substring("ended ".length()))));
        return String.join(", ", parts);
    }
}
