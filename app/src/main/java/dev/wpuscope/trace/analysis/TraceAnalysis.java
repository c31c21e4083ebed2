package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** All analyzers together, fed in one pass; what the CLI summary and the GUI panels read. */
public final class TraceAnalysis implements TraceAnalyzer {

    private final TraceStatistics statistics = new TraceStatistics();
    private final HandleContextAnalyzer handles = new HandleContextAnalyzer();
    private final BlockingCallbackAnalyzer blockingCallbacks = new BlockingCallbackAnalyzer();
    private final PostedMessageAnalyzer postedMessages = new PostedMessageAnalyzer();
    private final EventObjectAnalyzer events = new EventObjectAnalyzer();
    private final ThreadHandleAnalyzer threads = new ThreadHandleAnalyzer();
    private final OverlappedAnalyzer overlapped = new OverlappedAnalyzer();
    private final CallStatistics calls = new CallStatistics();
    private final DowncallConformanceAnalyzer conversation = new DowncallConformanceAnalyzer();
    private final ConformanceAnalyzer conformance;
    private final List<TraceAnalyzer> all;

    /** Without a catalog: IFS kinds are inferred. */
    public TraceAnalysis() {
        this(ServiceFlagsLookup.NONE);
    }

    public TraceAnalysis(ServiceFlagsLookup catalog) {
        List<TraceAnalyzer> lifecycle = List.of(handles, events, threads, blockingCallbacks, postedMessages,
                overlapped, conversation);
        conformance = new ConformanceAnalyzer(catalog, lifecycle);
        List<TraceAnalyzer> analyzers = new ArrayList<>(lifecycle);
        analyzers.add(0, statistics);
        analyzers.add(1, calls);
        analyzers.add(conformance);
        all = List.copyOf(analyzers);
    }

    @Override
    public void accept(TraceRecord record) {
        for (TraceAnalyzer analyzer : all) {
            analyzer.accept(record);
        }
    }

    @Override
    public void endOfInput() {
        all.forEach(TraceAnalyzer::endOfInput);
    }

    /** Every analyzer's findings, by capture offset. */
    @Override
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        all.forEach(a -> findings.addAll(a.findings()));
        findings.sort(Comparator.comparingLong(Finding::offset));
        return findings;
    }

    @Override
    public long findingCount() {
        return all.stream().mapToLong(TraceAnalyzer::findingCount).sum();
    }

    public TraceStatistics statistics() {
        return statistics;
    }

    public HandleContextAnalyzer handles() {
        return handles;
    }

    public BlockingCallbackAnalyzer blockingCallbacks() {
        return blockingCallbacks;
    }

    public PostedMessageAnalyzer postedMessages() {
        return postedMessages;
    }

    public EventObjectAnalyzer events() {
        return events;
    }

    public ThreadHandleAnalyzer threads() {
        return threads;
    }

    public OverlappedAnalyzer overlapped() {
        return overlapped;
    }

    /** Count, failures and p50/p99 latency per downcall function and upcall. */
    public CallStatistics calls() {
        return calls;
    }

    /** Calls into providers that their upcalls must answer, and were not (trace format 1.2). */
    public DowncallConformanceAnalyzer conversation() {
        return conversation;
    }

    public ConformanceAnalyzer conformance() {
        return conformance;
    }
}
