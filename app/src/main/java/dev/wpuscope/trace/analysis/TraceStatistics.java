package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.ProcessKey;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
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
 * Counts per upcall, per process and per load session, drops and tracer messages; reports drops, events lost
 * unaccounted (UPCALL and DOWNCALL records + dropped_total != emitted, per load session), tracer warnings, chains that cannot
 * start and chains the tracer passes through.
 */
public final class TraceStatistics extends UpcallAnalyzer {

    /** Provider name of findings about the tracer itself. */
    public static final String TRACER = "(tracer)";

    private static final class PerSession {
        final int pid;
        final ProcessHello hello;
        final List<ProviderLoaded> providers = new ArrayList<>();
        long upcalls;
        long failedUpcalls;
        long downcalls;
        long failedDowncalls;
        long droppedTotal;
        long emitted = -1;
        EndReason endReason;

        PerSession(int pid, ProcessHello hello) {
            this.pid = pid;
            this.hello = hello;
        }

        LoadSessionSummary snapshot() {
            int number = hello == null || hello.loadSession() == null ? 0 : hello.loadSession().number();
            return new LoadSessionSummary(pid, number, hello, upcalls, failedUpcalls, downcalls, failedDowncalls,
                    droppedTotal, emitted, endReason, providers);
        }
    }

    private static final class PerProcess {
        final int pid;
        final ProcessHello hello;
        final List<PerSession> sessions = new ArrayList<>();

        PerProcess(int pid, ProcessHello hello) {
            this.pid = pid;
            this.hello = hello;
            sessions.add(new PerSession(pid, hello));
        }

        PerSession session() {
            return sessions.get(sessions.size() - 1);
        }

        ProcessSummary snapshot() {
            return new ProcessSummary(pid, hello, sessions.stream().map(PerSession::snapshot).toList());
        }
    }

    private final List<PerProcess> processes = new ArrayList<>();
    private final Map<Integer, PerProcess> current = new HashMap<>();
    /** The process of the latest lookup (records come in runs of one process), null after a change to current. */
    private PerProcess lastProcess;
    /** Processes that said a 1.1 hello: a later hello with the same key is their next load session. */
    private final Map<ProcessKey, PerProcess> byKey = new HashMap<>();
    private final long[] calls = new long[Upcall.values().length];
    private final long[] failures = new long[Upcall.values().length];
    private final Map<Integer, Long> unknownUpcalls = new TreeMap<>();
    private final Map<Integer, Long> unknownDowncalls = new TreeMap<>();
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
            hello(hello);
            return;
        }
        PerSession session = process(record.pid()).session();
        if (record instanceof UpcallEvent e) {
            session.upcalls++;
            if (e.failed()) {
                session.failedUpcalls++;
            }
            if (e.upcall() == null && unknownUpcalls.merge(e.upcallNumber(), 1L, Long::sum) == 1) {
                report(Severity.INFO, FindingKind.UNKNOWN_UPCALL, e.pid(), providerName(e.pid(), e.callerModuleId()),
                        e.offset(), "upcall number " + e.upcallNumber() + " is newer than this wpuscope knows");
            }
        } else if (record instanceof DowncallEvent d) {
            session.downcalls++;
            if (d.failed()) {
                session.failedDowncalls++;
            }
            if (d.function() == null && unknownDowncalls.merge(d.functionNumber(), 1L, Long::sum) == 1) {
                report(Severity.INFO, FindingKind.UNKNOWN_DOWNCALL, d.pid(), TRACER, d.offset(),
                        "downcall function number " + d.functionNumber() + " is newer than this wpuscope knows");
            }
        } else if (record instanceof Drops d) {
            session.droppedTotal = d.droppedTotal();
            report(Severity.WARNING, FindingKind.EVENTS_DROPPED, d.pid(), TRACER, d.offset(), "the tracer dropped "
                    + d.dropped() + " events (" + d.droppedTotal() + " in total): findings may miss them");
        } else if (record instanceof TracerMessage m) {
            messages.add(m);
            if (TracerStatus.chainCannotStart(m.status())) {
                return; // the provider start's own finding says it, with the next entry and what applications get
            }
            report(m.severity() >= 3 ? Severity.ERROR : m.severity() == 2 ? Severity.WARNING : Severity.INFO,
                    FindingKind.TRACER_MESSAGE, m.pid(), TRACER, m.offset(),
                    TracerStatus.describe(m.status()) + ": " + m.message());
        } else if (record instanceof ProviderLoaded l) {
            session.providers.add(l);
            providerLoaded(l);
        } else if (record instanceof ProcessGoodbye g) {
            goodbye(session, g);
        }
    }

    /** A new process, or the next load session of a known one (same pid and process start time). */
    private void hello(ProcessHello hello) {
        ProcessKey key = ProcessKey.of(hello);
        PerProcess known = key == null ? null : byKey.get(key);
        if (known != null) {
            known.sessions.add(new PerSession(hello.pid(), hello));
            current.put(hello.pid(), known);
            lastProcess = null;
            return;
        }
        PerProcess p = new PerProcess(hello.pid(), hello);
        processes.add(p);
        current.put(hello.pid(), p);
        lastProcess = null;
        if (key != null) {
            byKey.put(key, p);
        }
    }

    private void providerLoaded(ProviderLoaded l) {
        if (TracerStatus.chainCannotStart(l.status())) {
            report(Severity.ERROR, FindingKind.CHAIN_CANNOT_START, l.pid(), TRACER, l.offset(),
                    ProviderStart.chainFailure(l) + " (catalog entry " + Integer.toUnsignedString(l.servedEntryId())
                            + ", " + l.servedProtocol() + ")");
        } else if (l.status() != TracerStatus.OK) {
            report(Severity.WARNING, FindingKind.TRACER_PASS_THROUGH, l.pid(), TRACER, l.offset(),
                    ProviderStart.describe(l));
        }
    }

    /** The load session's books: UPCALL and DOWNCALL records + dropped_total = emitted. */
    private void goodbye(PerSession session, ProcessGoodbye g) {
        session.droppedTotal = g.droppedTotal();
        session.emitted = g.emitted();
        session.endReason = g.reason();
        current.remove(g.pid());
        lastProcess = null;
        long arrived = session.upcalls + session.downcalls;
        if (arrived + g.droppedTotal() != g.emitted()) {
            report(Severity.ERROR, FindingKind.EVENTS_UNACCOUNTED, g.pid(), TRACER, g.offset(), "the tracer emitted "
                    + g.emitted() + " events, " + arrived + " arrived and " + g.droppedTotal()
                    + " were reported dropped: " + (g.emitted() - arrived - g.droppedTotal()) + " unaccounted");
        }
    }

    private PerProcess process(int pid) {
        PerProcess p = lastProcess;
        if (p != null && p.pid == pid) {
            return p;
        }
        p = current.get(pid);
        if (p == null) {
            p = new PerProcess(pid, null);
            processes.add(p);
            current.put(pid, p);
        }
        lastProcess = p;
        return p;
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

    /** DOWNCALL records with a function number this version does not know: number to count. */
    public synchronized Map<Integer, Long> unknownDowncalls() {
        return Map.copyOf(unknownDowncalls);
    }

    /**
     * One entry per process, in order of appearance: a 1.1 hello with the pid and start time of a known process
     * is its next load session; any other hello (1.0, or a pid reused) is a new process.
     */
    public synchronized List<ProcessSummary> processes() {
        return processes.stream().map(PerProcess::snapshot).toList();
    }

    /** Every load session of every process, in order of process then load session. */
    public synchronized List<LoadSessionSummary> loadSessions() {
        return processes.stream().flatMap(p -> p.sessions.stream()).map(PerSession::snapshot).toList();
    }

    public synchronized long droppedTotal() {
        return processes.stream().flatMap(p -> p.sessions.stream()).mapToLong(s -> s.droppedTotal).sum();
    }

    public synchronized List<TracerMessage> tracerMessages() {
        return List.copyOf(messages);
    }
}
