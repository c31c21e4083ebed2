package dev.wpuscope.ui.traffic;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.analysis.ApcTarget;
import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.analysis.Hex;
import dev.wpuscope.trace.analysis.LoadSessionSummary;
import dev.wpuscope.trace.analysis.OverlappedCompletion;
import dev.wpuscope.trace.analysis.PostedMessage;
import dev.wpuscope.trace.analysis.ProviderConformance;
import dev.wpuscope.trace.analysis.SocketHandle;
import dev.wpuscope.trace.analysis.ThreadBlockingCallbacks;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.analysis.TrackedResource;
import dev.wpuscope.trace.analysis.UpcallCount;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.ui.Daemons;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The analysis panels of the Live Traffic view, each linked to the event table. Their rows are read from
 * the analyzers on a background thread and compared there with the previous read, so a frame only shows the
 * panels that changed, however many handles or messages a long capture has.
 */
final class AnalysisPanels {
    /**
     * After a read, the reader waits this many times as long as the read took: it takes at most a fifth of a core,
     * however many handles a capture has (a million-call capture being opened has 80,000 and growing), and leaves the
     * rest to the thread reading the capture.
     */
    private static final int IDLE_PER_READ = 4;
    private final List<AnalysisPanel<?>> panels = new ArrayList<>();
    private final Executor reader = Daemons.singleThread("wpuscope-panels");
    /** A finished read: per panel its new rows, or null when they did not change. */
    private final AtomicReference<List<List<?>>> finishedRead = new AtomicReference<>();
    /** The reader thread's previous read, to compare with. */
    private List<List<?>> previousRead = List.of();
    private boolean reading;
    /** When the next read may start at the earliest ({@link System#nanoTime()}); written by the reader thread. */
    private volatile long nextReadNanos;

    AnalysisPanels(Consumer<TrafficFilter> showEvents) {
        panels.add(new AnalysisPanel<SocketHandle>("Handle contexts",
                "No socket handles were created, modified or queried yet.", List.of(
                new PanelColumn<>("PID", 60, h -> Integer.toString(h.pid())),
                new PanelColumn<>("Handle", 90, h -> Hex.of(h.handle())),
                new PanelColumn<>("State", 120, h -> h.state().name()),
                new PanelColumn<>("Created by", 200, h -> h.createdBy() == null ? "not in trace"
                        : h.createdBy().apiName()),
                new PanelColumn<>("Entry id", 70, h -> h.catalogEntryId() == null ? ""
                        : Integer.toUnsignedString(h.catalogEntryId())),
                new PanelColumn<>("Context", 110, h -> h.context() == null ? "" : Hex.of(h.context())),
                new PanelColumn<>("Queries", 70, h -> Long.toString(h.queryCount())),
                new PanelColumn<>("Provider", 160, h -> EntryLabels.fileName(h.lifecycle().provider()))),
                analysis -> analysis.handles().handles(),
                h -> only(h.lifecycle().subject() + " of pid " + h.pid(), lifecycleEvents(h.lifecycle())),
                showEvents));
        panels.add(new AnalysisPanel<ThreadBlockingCallbacks>("Blocking callbacks",
                "No WPUQueryBlockingCallback calls yet.", List.of(
                new PanelColumn<>("PID", 60, t -> Integer.toString(t.pid())),
                new PanelColumn<>("TID", 60, t -> Integer.toString(t.tid())),
                new PanelColumn<>("Calls", 60, t -> Integer.toString(t.calls())),
                new PanelColumn<>("Failures", 70, t -> Integer.toString(t.failures())),
                new PanelColumn<>("Last error", 170, t -> WsaErrors.describe(t.lastError())),
                new PanelColumn<>("Callbacks returned", 420, t -> t.values().stream()
                        .map(v -> "callback " + Hex.of(v.callback()) + " context " + Hex.of(v.context()) + " ×"
                                + v.count()).collect(Collectors.joining("; ")))),
                analysis -> analysis.blockingCallbacks().threads(),
                t -> TrafficFilter.NONE.withProcess(Integer.toString(t.pid())).withThread(t.tid())
                        .withUpcall(Upcall.WPU_QUERY_BLOCKING_CALLBACK),
                showEvents));
        panels.add(new AnalysisPanel<PostedMessage>("Posted messages", "No WPUPostMessage calls yet.", List.of(
                new PanelColumn<>("PID", 60, m -> Integer.toString(m.call().pid())),
                new PanelColumn<>("TID", 60, m -> Integer.toString(m.call().tid())),
                new PanelColumn<>("Window", 100, m -> Hex.of(m.hwnd())),
                new PanelColumn<>("Message", 80, m -> Hex.of(m.msg())),
                new PanelColumn<>("Socket", 90, m -> Hex.of(m.socket())),
                new PanelColumn<>("Notification", 260, PostedMessage::describe),
                new PanelColumn<>("Posted", 60, m -> m.posted() ? "yes" : "FAILED"),
                new PanelColumn<>("Provider", 160, m -> EntryLabels.fileName(m.provider()))),
                analysis -> analysis.postedMessages().messages(),
                m -> only("messages for socket " + Hex.of(m.socket()), eventsOf(m.call())),
                showEvents));
        panels.add(resources("Event objects", "No event objects created or used yet.",
                analysis -> analysis.events().events(), showEvents));
        panels.add(resources("Thread handles", "No WPUOpenCurrentThread calls yet.",
                analysis -> analysis.threads().threads(), showEvents));
        panels.add(new AnalysisPanel<ApcTarget>("APCs", "No WPUQueueApc calls yet.", List.of(
                new PanelColumn<>("PID", 60, a -> Integer.toString(a.call().pid())),
                new PanelColumn<>("From TID", 70, a -> Integer.toString(a.call().tid())),
                new PanelColumn<>("Target TID", 80, a -> a.targetTid() == null ? "unknown" : a.targetTid().toString()),
                new PanelColumn<>("Thread handle", 110, a -> Hex.of(a.threadHandle())),
                new PanelColumn<>("APC routine", 130, a -> Hex.of(a.apcRoutine())),
                new PanelColumn<>("Context", 130, a -> Hex.of(a.context())),
                new PanelColumn<>("Provider", 160, a -> EntryLabels.fileName(a.provider()))),
                analysis -> analysis.threads().apcs(),
                a -> only("APC to thread handle " + Hex.of(a.threadHandle()),
                        eventsOf(a.call(), a.threadOpen())),
                showEvents));
        panels.add(new AnalysisPanel<OverlappedCompletion>("Overlapped", "No WPUCompleteOverlappedRequest calls yet.",
                List.of(
                new PanelColumn<>("PID", 60, o -> Integer.toString(o.call().pid())),
                new PanelColumn<>("TID", 60, o -> Integer.toString(o.call().tid())),
                new PanelColumn<>("Socket", 90, o -> Hex.of(o.socket())),
                new PanelColumn<>("OVERLAPPED", 130, o -> Hex.of(o.overlapped())),
                new PanelColumn<>("Error", 170, o -> WsaErrors.describe(o.completionError())),
                new PanelColumn<>("Bytes", 80, o -> Long.toString(o.bytesTransferred())),
                new PanelColumn<>("Provider", 160, o -> EntryLabels.fileName(o.provider()))),
                analysis -> analysis.overlapped().completions(),
                o -> only("completions on socket " + Hex.of(o.socket()), eventsOf(o.call())),
                showEvents));
        panels.add(new AnalysisPanel<LoadSessionSummary>("Load sessions", "No traced process has said hello yet.",
                List.of(
                new PanelColumn<>("PID", 60, s -> Integer.toString(s.pid())),
                new PanelColumn<>("Process", 130, s -> EntryLabels.fileName(s.image())),
                new PanelColumn<>("Session", 60, s -> s.number() == 0 ? "" : Integer.toString(s.number())),
                new PanelColumn<>("Upcalls", 70, s -> Long.toString(s.upcalls())),
                new PanelColumn<>("Dropped", 70, s -> Long.toString(s.droppedTotal())),
                new PanelColumn<>("End", 220, LoadSessionSummary::end),
                new PanelColumn<>("Provider start", 640, LoadSessionSummary::providerStarts)),
                analysis -> analysis.statistics().loadSessions(),
                s -> TrafficFilter.NONE.withProcess(Integer.toString(s.pid())),
                showEvents));
        panels.add(new AnalysisPanel<ProviderConformance>("Providers", "No provider has made an upcall yet.", List.of(
                new PanelColumn<>("Provider", 200, p -> EntryLabels.fileName(p.provider())),
                new PanelColumn<>("IFS kind", 260, p -> p.ifs().describe()),
                new PanelColumn<>("Calls", 70, p -> Long.toString(p.totalCalls())),
                new PanelColumn<>("Findings", 70, p -> Integer.toString(p.findings().size())),
                new PanelColumn<>("Upcalls used", 500, p -> p.usage().stream()
                        .map(AnalysisPanels::usage).collect(Collectors.joining(", ")))),
                analysis -> analysis.conformance().providers(),
                p -> TrafficFilter.NONE.withProvider(EntryLabels.fileName(p.provider())),
                showEvents));
        panels.add(new AnalysisPanel<Finding>("Conformance findings", "No findings: every rule holds so far.", List.of(
                new PanelColumn<>("Severity", 80, f -> f.severity().name()),
                new PanelColumn<>("Kind", 220, f -> f.kind().label()),
                new PanelColumn<>("PID", 60, f -> Integer.toString(f.pid())),
                new PanelColumn<>("Provider", 160, f -> EntryLabels.fileName(f.provider())),
                new PanelColumn<>("Finding", 520, Finding::message)),
                TraceAnalysis::findings,
                f -> TrafficFilter.NONE.withOnly(new TrafficFilter.EventSet("the event of this finding",
                        Set.of(new TrafficFilter.EventId(f.pid(), f.offset())))),
                showEvents));
    }

    private static String usage(UpcallCount count) {
        return count.upcall().apiName() + " ×" + count.calls()
                + (count.failures() == 0 ? "" : " (" + count.failures() + " failed)");
    }

    private static AnalysisPanel<TrackedResource> resources(String title, String empty,
            java.util.function.Function<TraceAnalysis, List<TrackedResource>> rows, Consumer<TrafficFilter> show) {
        return new AnalysisPanel<>(title, empty, List.of(
                new PanelColumn<>("PID", 60, r -> Integer.toString(r.pid())),
                new PanelColumn<>("Handle", 100, r -> Hex.of(r.value())),
                new PanelColumn<>("State", 130, r -> r.state().name()),
                new PanelColumn<>("Created", 90, r -> r.creation() == null ? "not in trace"
                        : "tid " + r.creation().tid()),
                new PanelColumn<>("Uses", 60, r -> Long.toString(r.useCount())),
                new PanelColumn<>("Closes", 60, r -> Long.toString(r.closeCount())),
                new PanelColumn<>("Provider", 160, r -> EntryLabels.fileName(r.provider()))),
                rows, r -> only(r.subject() + " of pid " + r.pid(), lifecycleEvents(r)), show);
    }

    /** The creation, the uses and the closes of a handle generation (the first 1000 of each). */
    private static Stream<TrafficFilter.EventId> lifecycleEvents(TrackedResource resource) {
        Stream<Long> offsets = Stream.concat(resource.useOffsets().stream(), resource.closeOffsets().stream());
        return Stream.concat(eventsOf(resource.creation()),
                offsets.map(offset -> new TrafficFilter.EventId(resource.pid(), offset)));
    }

    /** The events of those records that are there (not null). */
    private static Stream<TrafficFilter.EventId> eventsOf(UpcallEvent... records) {
        return Stream.of(records).filter(java.util.Objects::nonNull).map(TrafficFilter.EventId::of);
    }

    private static TrafficFilter only(String label, Stream<TrafficFilter.EventId> events) {
        Set<TrafficFilter.EventId> ids = new HashSet<>();
        events.forEach(ids::add);
        return TrafficFilter.NONE.withOnly(new TrafficFilter.EventSet(label, ids));
    }

    List<AnalysisPanel<?>> all() {
        return panels;
    }

    /**
     * Starts reading every panel's rows from {@code analysis}, unless a read is still under way or the last one ended
     * too recently (see {@link #IDLE_PER_READ}).
     */
    void refresh(TraceAnalysis analysis) {
        if (reading) {
            return;
        }
        if (System.nanoTime() < nextReadNanos) {
            return;
        }
        reading = true;
        reader.execute(() -> {
            long start = System.nanoTime();
            finishedRead.set(changes(panels.stream().<List<?>>map(p -> p.read(analysis)).toList()));
            long end = System.nanoTime();
            nextReadNanos = end + IDLE_PER_READ * (end - start);
        });
    }

    /** Runs on the reader thread: the rows that differ from the previous read, null for the others. */
    private List<List<?>> changes(List<List<?>> read) {
        List<List<?>> changed = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            List<?> before = i < previousRead.size() ? previousRead.get(i) : List.of();
            boolean same = read.get(i).equals(before);
            changed.add(same ? null : read.get(i));
        }
        previousRead = read;
        return changed;
    }

    /** Shows the panels a finished read changed; called on every frame. */
    void showFinishedRead() {
        List<List<?>> changed = finishedRead.getAndSet(null);
        if (changed == null) {
            return;
        }
        reading = false;
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i) != null) {
                panels.get(i).show(changed.get(i));
            }
        }
    }
}
