package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.Call;
import java.util.HashMap;
import java.util.Map;

/**
 * The order in which recorded calls (upcalls and downcalls) took effect, as far as the records can tell (DESIGN.md §4.5). Threads record
 * concurrently: the system can hand a handle value that thread A is closing to thread B before A's record is
 * written, so record order is not the order of effects. A call took effect somewhere inside [start, start +
 * duration]; within one thread, program order (the sequence number) is exact. Across threads, {@code a} certainly
 * took effect before {@code b} only when {@code a} ended before {@code b} started by more than two CPUs' clocks may
 * disagree; otherwise they are concurrent and either order is possible (the same tick included).
 *
 * <p>It also counts, per process, the events the tracer dropped (gaps in the sequence numbers): a finding whose
 * events have a drop gap between them is uncertain, since a dropped event may have explained it. Fed every record
 * of the capture, in capture order; one instance per analyzer.
 */
final class EffectOrder {

    /** How far two CPUs' clocks (the TSC or QueryPerformanceCounter, SPEC.md §2) may disagree, in nanoseconds. */
    static final long CROSS_CPU_SKEW_NANOS = 2_000;
    /**
     * How long after an upcall ended a record that explains it may still arrive, in nanoseconds of trace time: a
     * pending finding is reported once the process's records have moved on by this much (or its load session ended,
     * or the capture did).
     */
    static final long SETTLE_NANOS = 1_000_000_000L;

    private static final class ProcessClock {
        final long skewTicks;
        final long settleTicks;
        long nextSequence;
        long seen;

        ProcessClock(long frequency) {
            long perSecond = frequency > 0 ? frequency : 10_000_000L;
            skewTicks = Math.max(1, perSecond * CROSS_CPU_SKEW_NANOS / 1_000_000_000L);
            settleTicks = perSecond * SETTLE_NANOS / 1_000_000_000L;
        }
    }

    private final Map<Integer, ProcessClock> clocks = new HashMap<>();
    /** The process of the latest lookup: records mostly come in runs of one process. */
    private int lastPid = -1;
    private ProcessClock lastClock;

    /** Every record, in capture order: a PROCESS_HELLO starts a load session's clock and sequence numbers. */
    void accept(TraceRecord record) {
        if (record instanceof ProcessHello hello) {
            clocks.put(hello.pid(), new ProcessClock(hello.clockFrequency()));
            lastPid = -1;
        } else if (record instanceof Call event) {
            ProcessClock clock = clock(event.pid());
            clock.nextSequence = Math.max(clock.nextSequence, Integer.toUnsignedLong(event.sequence()) + 1);
            clock.seen++;
        }
    }

    /** Whether {@code a} certainly took effect before {@code b} (two upcalls of one process and load session). */
    boolean certainlyBefore(Call a, Call b) {
        if (a.tid() == b.tid()) {
            return a.sequence() < b.sequence();
        }
        return end(a) + clock(a.pid()).skewTicks < b.startTicks();
    }

    /** Whether the records of {@code later}'s process have moved on far enough that nothing can explain {@code e}. */
    boolean settled(Call e, Call later) {
        return later.startTicks() - end(e) > clock(e.pid()).settleTicks;
    }

    /**
     * Events of the process dropped so far: the sequence numbers handed out up to the highest one seen, less the
     * events seen (threads commit concurrently, so a record may arrive shortly after one with a higher number).
     */
    long droppedSoFar(int pid) {
        ProcessClock clock = clock(pid);
        return Math.max(0, clock.nextSequence - clock.seen);
    }

    private ProcessClock clock(int pid) {
        if (pid != lastPid || lastClock == null) {
            lastClock = clocks.computeIfAbsent(pid, p -> new ProcessClock(0));
            lastPid = pid;
        }
        return lastClock;
    }

    private static long end(Call e) {
        return e.startTicks() + e.durationTicks();
    }
}
