package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord.Call;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency per function: for every downcall function and upcall called at least once, how often, how often it failed,
 * and its median, 99th percentile and longest duration. Durations are kept per function as primitive arrays (8 bytes
 * a call) so the percentiles are exact (nearest rank); each process's durations are converted with its own clock.
 *
 * <p>For a GUI statistics view: {@link TraceAnalysis#calls()}{@code .functions()} from any thread (feeding and reading
 * are synchronized), e.g. once a second while a capture is followed; each call sorts only the functions that got new
 * durations since the last.
 */
public final class CallStatistics extends UpcallAnalyzer {

    /**
     * One function's figures.
     *
     * @param name      e.g. {@code WSPRecv}, {@code WPUPostMessage}
     * @param downcall  whether it is a downcall (a WSP* function) rather than an upcall
     * @param calls     how many calls were recorded
     * @param failures  of those, how many failed
     * @param p50Nanos  median duration in ns (nearest rank)
     * @param p99Nanos  99th percentile duration in ns (nearest rank)
     * @param maxNanos  longest duration in ns
     */
    public record FunctionStatistics(String name, boolean downcall, long calls, long failures, long p50Nanos,
                                     long p99Nanos, long maxNanos) {
    }

    private static final class Durations {
        long[] nanos = new long[16];
        int count;
        long failures;
        boolean sorted = true;

        void add(long value, boolean failed) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            sorted &= count == 0 || nanos[count - 1] <= value;
            nanos[count++] = value;
            if (failed) {
                failures++;
            }
        }

        /** The value at nearest rank ceil(p/100 * n), 1-based. */
        long percentile(int p) {
            if (!sorted) {
                Arrays.sort(nanos, 0, count);
                sorted = true;
            }
            int rank = (int) Math.max(1, Math.min(count, (count * (long) p + 99) / 100));
            return nanos[rank - 1];
        }
    }

    private static final long DEFAULT_FREQUENCY = 10_000_000L;

    private final Durations[] downcalls = new Durations[Downcall.values().length];
    private final Durations[] upcalls = new Durations[Upcall.values().length];
    private final Map<Integer, Long> frequencies = new HashMap<>();
    /** The clock frequency of the latest lookup's process (records come in runs of one process); pid -1: none (a
     * Windows pid is a multiple of 4). */
    private int lastPid = -1;
    private long lastFrequency;

    @Override
    protected void onLoadSessionStart(ProcessHello hello) {
        frequencies.put(hello.pid(), hello.clockFrequency() > 0 ? hello.clockFrequency() : DEFAULT_FREQUENCY);
        lastPid = -1;
    }

    @Override
    protected void onDowncall(DowncallEvent event, String provider) {
        add(downcalls, event.function().number(), event);
    }

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        add(upcalls, event.upcall().number(), event);
    }

    private void add(Durations[] table, int number, Call call) {
        if (table[number] == null) {
            table[number] = new Durations();
        }
        if (call.pid() != lastPid) {
            lastFrequency = frequencies.getOrDefault(call.pid(), DEFAULT_FREQUENCY);
            lastPid = call.pid();
        }
        long frequency = lastFrequency;
        long ticks = call.durationTicks();
        long nanos = ticks / frequency * 1_000_000_000L + ticks % frequency * 1_000_000_000L / frequency;
        table[number].add(nanos, call.failed());
    }

    /** Downcall functions in function-number order, then upcalls in upcall-number order; only those called. */
    public synchronized List<FunctionStatistics> functions() {
        List<FunctionStatistics> out = new ArrayList<>();
        for (Downcall d : Downcall.values()) {
            figures(out, d.apiName(), true, downcalls[d.number()]);
        }
        for (Upcall u : Upcall.values()) {
            figures(out, u.apiName(), false, upcalls[u.number()]);
        }
        return out;
    }

    private static void figures(List<FunctionStatistics> out, String name, boolean downcall, Durations d) {
        if (d != null) {
            out.add(new FunctionStatistics(name, downcall, d.count, d.failures, d.percentile(50), d.percentile(99),
                    d.percentile(100)));
        }
    }
}
