package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.Drops;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.ProviderLoaded;
import dev.wpuscope.trace.model.TraceRecord.TracerMessage;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per upcall and per process, drops and tracer messages; reports drops, events lost unaccounted
 * (UPCALL records + dropped_total != emitted), tracer warnings and chains the tracer passes through.
 */
public final class TraceStatistics extends UpcallAnalyzer {

    /** Provider name of findings about the tracer itself. */
    public static final String TRACER = "(tracer)";

    private static final class PerProcess {
        final int pid;
        ProcessHello hello;
        long upcalls;
        long failedUpcalls;
        long droppedTotal;
        long emitted = -1;

        PerProcess(int pid) {
            this.pid = pid;
        }

        ProcessSummary snapshot() {
            return new ProcessSummary(pid, hello, upcalls, failedUpcalls, droppedTotal, emitted);
        }
    }

    private final List<PerProcess> processes = new ArrayList<>();
    private final Map<Integer, PerProcess> current = new HashMap<>();
    private final long[] calls = new long[Upcall.values().length];
    private final long[] failures = new long[Upcall.values().length];
    private final Map<Integer, Long> unknownUpcalls = new TreeMap<>();
    private final List<TracerMessage> messages = new ArrayList<>();
    private long records;

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        calls[event.upcall().number()]++;
        if (event.failed()) {
            failures[event.upcall().number()]++;
        }
    }

    @Override
    protected void onRecord(TraceRecord record) {
        records++;
        if (record instanceof ProcessHello hello) {
            PerProcess p = new PerProcess(hello.pid());
            p.hello = hello;
            processes.add(p);
            current.put(hello.pid(), p);
            return;
        }
        PerProcess p = process(record.pid());
        if (record instanceof UpcallEvent e) {
            p.upcalls++;
            if (e.failed()) {
                p.failedUpcalls++;
            }
            if (e.upcall() == null && unknownUpcalls.merge(e.upcallNumber(), 1L, Long::sum) == 1) {
                report(Severity.INFO, FindingKind.UNKNOWN_UPCALL, e.pid(), providerName(e.pid(), e.callerModuleId()),
                        e.offset(), "upcall number " + e.upcallNumber() + " is newer than this wpuscope knows");
            }
        } else if (record instanceof Drops d) {
            p.droppedTotal = d.droppedTotal();
            report(Severity.WARNING, FindingKind.EVENTS_DROPPED, d.pid(), TRACER, d.offset(), "the tracer dropped "
                    + d.dropped() + " events (" + d.droppedTotal() + " in total): findings may miss them");
        } else if (record instanceof TracerMessage m) {
            messages.add(m);
            report(m.severity() >= 3 ? Severity.ERROR : m.severity() == 2 ? Severity.WARNING : Severity.INFO,
                    FindingKind.TRACER_MESSAGE, m.pid(), TRACER, m.offset(),
                    TracerStatus.describe(m.status()) + ": " + m.message());
        } else if (record instanceof ProviderLoaded l && l.status() != 0) {
            report(Severity.WARNING, FindingKind.TRACER_PASS_THROUGH, l.pid(), TRACER, l.offset(),
                    "not tracing catalog entry " + Integer.toUnsignedString(l.servedEntryId()) + " ("
                            + l.servedProtocol() + "): " + TracerStatus.describe(l.status()) + ", next provider "
                            + l.nextProviderPath() + ", startup result " + l.startupResult());
        } else if (record instanceof ProcessGoodbye g) {
            goodbye(p, g);
        }
    }

    private void goodbye(PerProcess p, ProcessGoodbye g) {
        p.droppedTotal = g.droppedTotal();
        p.emitted = g.emitted();
        current.remove(g.pid());
        if (p.upcalls + g.droppedTotal() != g.emitted()) {
            report(Severity.ERROR, FindingKind.EVENTS_UNACCOUNTED, g.pid(), TRACER, g.offset(), "the tracer emitted "
                    + g.emitted() + " events, " + p.upcalls + " arrived and " + g.droppedTotal()
                    + " were reported dropped: " + (g.emitted() - p.upcalls - g.droppedTotal())
                    + " unaccounted");
        }
    }

    private PerProcess process(int pid) {
        return current.computeIfAbsent(pid, k -> {
            PerProcess p = new PerProcess(pid);
            processes.add(p);
            return p;
        });
    }

    public synchronized long records() {
        return records;
    }

    /** Calls and failures of every upcall made at least once, in upcall-number order. */
    public synchronized List<UpcallCount> upcalls() {
        return UpcallCount.nonZero(calls, failures);
    }

    /** UPCALL records with a number this version does not know: number to count. */
    public synchronized Map<Integer, Long> unknownUpcalls() {
        return Map.copyOf(unknownUpcalls);
    }

    /** One entry per process (a pid reused after its goodbye gets a new one), in order of appearance. */
    public synchronized List<ProcessSummary> processes() {
        return processes.stream().map(PerProcess::snapshot).toList();
    }

    public synchronized long droppedTotal() {
        return processes.stream().mapToLong(p -> p.droppedTotal).sum();
    }

    public synchronized List<TracerMessage> tracerMessages() {
        return List.copyOf(messages);
    }
}
