package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyzers on the golden vectors basic.wputrace and basic-1.0.wputrace (records listed in their .json). */
class GoldenCaptureAnalysisTest {

    private static final String SAMPLE = "Z:\\build\\x64\\sample_nonifs.dll";
    private static TraceAnalysis analysis;

    @BeforeAll
    static void analyze() throws Exception {
        analysis = Captures.analyze(Captures.GOLDEN_BASIC);
    }

    @Test
    void findsEveryPlantedMisuseInCaptureOrder() {
        List<String> found = analysis.findings().stream().map(f -> f.offset() + " " + f.kind()).toList();
        assertEquals(List.of("907 IFS_MISMATCH", "2027 CLOSED_TWICE", "2109 UNKNOWN_HANDLE", "2109 NULL_OUT_POINTER",
                "2199 CREATE_FAILED", "2289 EVENTS_DROPPED", "2329 TRACER_MESSAGE"), found);
        Finding doubleClose = analysis.findings().get(1);
        assertEquals("socket handle 0x2c8 closed again by WPUCloseSocketHandle (thread 7001; first closed at offset"
                + " 1945, thread 7000), error 10038 WSAENOTSOCK", doubleClose.message());
        assertEquals(SAMPLE, doubleClose.provider());
    }

    @Test
    void theSameCaptureFromAOneZeroTracerAnalysesAlike() throws Exception {
        TraceAnalysis oneZero = Captures.analyze(Captures.ROOT.resolve("resources/trace-format/golden/basic-1.0.wputrace"));
        int helloFieldsOfOneOne = 12;
        assertEquals(analysis.findings().stream().map(f -> (f.offset() - helloFieldsOfOneOne) + " " + f.kind()).toList(),
                oneZero.findings().stream().map(f -> f.offset() + " " + f.kind()).toList());
        assertEquals(1, oneZero.statistics().processes().get(0).loadSessions().size());
        assertEquals(0, oneZero.statistics().processes().get(0).loadSessions().get(0).number());
    }

    @Test
    void handleContexts() {
        List<SocketHandle> handles = analysis.handles().handles();
        assertEquals(List.of("712 CLOSED_TWICE", "716 CLOSE_NOT_TRACED", "2457 UNKNOWN", "-1 FAILED_CREATION"),
                handles.stream().map(h -> h.handle() + " " + h.state()).toList());
        SocketHandle first = handles.get(0);
        assertEquals(3735928559L, first.context());
        assertEquals(1, first.queryCount());
        assertEquals(List.of(588L), first.queryOffsets()); // the WPUQuerySocketHandleContext that returned 0xdeadbeef
        assertEquals(List.of(1945L, 2027L), first.lifecycle().closeOffsets());
        assertEquals(2, first.lifecycle().closeCount());
        assertEquals(10055, handles.get(3).lifecycle().creation().error());
    }

    @Test
    void eventsThreadsApcsAndCompletions() {
        assertEquals(ResourceState.CLOSED, analysis.events().events().get(0).state());
        assertEquals(420, analysis.events().events().get(0).value());
        assertEquals(ResourceState.CLOSED, analysis.threads().threads().get(0).state());
        ApcTarget apc = analysis.threads().apcs().get(0);
        assertEquals(432, apc.threadHandle());
        assertEquals(7001, apc.targetTid());
        assertEquals(7000, apc.call().tid());
        assertEquals(List.of(new SocketCompletions(4242, 712, 1, 512, 0, 0)), analysis.overlapped().perSocket());
    }

    @Test
    void blockingCallbacksAndPostedMessages() {
        ThreadBlockingCallbacks t = analysis.blockingCallbacks().threads().get(0);
        assertEquals(7000, t.tid());
        assertEquals(List.of(new ThreadBlockingCallbacks.Value(140703665487888L, 85, 1)), t.values());
        List<PostedMessage> timeline = analysis.postedMessages().messages().stream()
                .filter(m -> m.call().pid() == 4242 && m.socket() == 712).toList();
        assertEquals(2, analysis.postedMessages().messageCount(new SocketRef(4242, 712)));
        assertEquals(List.of("FD_READ", "FD_CLOSE, 10053 WSAECONNABORTED"),
                timeline.stream().map(PostedMessage::describe).toList());
        assertEquals(68142, timeline.get(0).hwnd());
        assertEquals(1025, timeline.get(0).msg());
    }

    @Test
    void statisticsAndConformance() {
        TraceStatistics s = analysis.statistics();
        assertEquals(26, s.records());
        assertEquals(20, s.processes().get(0).upcalls());
        assertEquals(23, s.processes().get(0).loadSessions().get(0).emitted());
        assertEquals(3, s.droppedTotal());
        assertEquals(new UpcallCount(Upcall.WPU_CLOSE_SOCKET_HANDLE, 2, 1), s.upcalls().get(1));
        assertEquals(16, s.upcalls().size());

        List<ProviderConformance> providers = analysis.conformance().providers();
        assertEquals(1, providers.size());
        ProviderConformance p = providers.get(0);
        assertEquals(SAMPLE, p.provider());
        assertEquals(IfsClassification.Kind.MIXED, p.ifs().kind());
        assertEquals(20, p.totalCalls());
        assertEquals(5, p.findings().size());
        assertTrue(p.findings().stream().allMatch(f -> f.provider().equals(SAMPLE)));
    }
}
