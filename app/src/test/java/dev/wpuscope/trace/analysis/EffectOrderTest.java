package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.EndReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval rule (DESIGN.md §4.5): a cross-thread misuse is reported only when no order consistent with the
 * upcalls' [start, end] intervals and each thread's program order explains the records. The script's clock runs at
 * 10 MHz (a tick is 100 ns; two CPUs' clocks may disagree by {@link EffectOrder#CROSS_CPU_SKEW_NANOS}, 20 ticks).
 */
class EffectOrderTest {

    private static final long V = 0x10000;
    private static final int A = 7000;
    private static final int B = 7001;

    private static List<FindingKind> kinds(TraceScript script) {
        return TraceScript.kinds(script.goodbye(EndReason.PROCESS_EXIT).feed(new HandleContextAnalyzer()));
    }

    @Test
    void aCloseRecordedAfterTheCreationThatReusedItsValueButOverlappingItIsNoFinding() {
        // A closes v while B's creation, which the system answered with the freed v, is under way; B's record
        // is written first
        HandleContextAnalyzer a = TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(B).at(150, 50).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(A).at(100, 200).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(320, 5).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xB)
                .on(B).at(330, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .goodbye(EndReason.PROCESS_EXIT).feed(new HandleContextAnalyzer());
        assertEquals(List.of(), TraceScript.kinds(a));
        assertEquals(List.of(ResourceState.CLOSED, ResourceState.CLOSED),
                a.handles().stream().map(SocketHandle::state).toList());
        // offsets grow by 100 per record from 148 (the hello is at 48): A's close is the third call, B's the fifth
        assertEquals(List.of(448L), a.handles().get(0).lifecycle().closeOffsets());
        assertEquals(List.of(648L), a.handles().get(1).lifecycle().closeOffsets());
    }

    @Test
    void aCloseRecordedAfterTheNextGenerationsWholeLifeStillClosesTheFirst() {
        HandleContextAnalyzer a = TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(B).at(150, 10).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(B).at(170, 10).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(A).at(100, 200).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .goodbye(EndReason.PROCESS_EXIT).feed(new HandleContextAnalyzer());
        assertEquals(List.of(), TraceScript.kinds(a));
    }

    @Test
    void aUseThatMayHaveTakenEffectBeforeAnEarlierRecordedCloseIsNoFinding() {
        assertEquals(List.of(), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(90, 80).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xA)));
    }

    @Test
    void aUseThatStartedAfterTheCloseEndedIsUsedAfterCloseNamingBothThreads() {
        HandleContextAnalyzer a = TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(400, 5).fail(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 10038, V, 0)
                .goodbye(EndReason.PROCESS_EXIT).feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.USED_AFTER_CLOSE), TraceScript.kinds(a));
        Finding finding = a.findings().get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("(thread 7001)") && finding.message().contains("(thread 7000)"),
                finding.message());
    }

    @Test
    void aUseAfterCloseThatANewGenerationRecordedLaterExplainsIsNoFinding() {
        // B's creation got v back and B used it; B's creation record is written after its query's
        assertEquals(List.of(), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(400, 5).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xB)
                .on(A).at(390, 30).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(A).at(500, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)));
    }

    @Test
    void theSameTickOnTwoThreadsIsConcurrent() {
        assertEquals(List.of(), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(B).at(100, 0).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(A).at(100, 0).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(200, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)));
    }

    @Test
    void clocksOfTwoCpusMayDisagreeByTheSkewButNotMore() {
        // B's clock reads 1 µs (10 ticks) behind A's: its use seems to start after the close ended, within the skew
        assertEquals(List.of(), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(160, 5).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xA)));
        assertEquals(List.of(FindingKind.USED_AFTER_CLOSE), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(180, 5).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xA)));
    }

    @Test
    void twoThreadsClosingOneHandleIsClosedTwiceEvenWhenTheirClosesOverlap() {
        assertEquals(List.of(FindingKind.CLOSED_TWICE), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(B).at(120, 50).fail(WPU_CLOSE_SOCKET_HANDLE, 10038, V)));
    }

    @Test
    void aValueReturnedAgainWithNoCloseThatCouldPrecedeItIsReported() {
        assertEquals(List.of(FindingKind.REUSED_WHILE_OPEN), kinds(TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(B).at(100, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(B).at(200, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)));
        // a close of the first generation that started only after the value was handed out again cannot precede
        // that: it is a second close of the value
        assertEquals(List.of(FindingKind.REUSED_WHILE_OPEN, FindingKind.CLOSED_TWICE), kinds(TraceScript
                .startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(B).at(100, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xB)
                .on(B).at(200, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .on(A).at(300, 5).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)));
    }

    @Test
    void eventsDroppedBetweenTheCloseAndTheUseMakeTheFindingUncertain() {
        HandleContextAnalyzer a = TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_SOCKET_HANDLE, V, 1001, 0xA)
                .on(A).at(100, 50).call(WPU_CLOSE_SOCKET_HANDLE, 0, V)
                .dropped(3)
                .on(B).at(400, 5).call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, V, 0xA)
                .goodbye(EndReason.PROCESS_EXIT).feed(new HandleContextAnalyzer());
        Finding finding = a.findings().get(0);
        assertEquals(FindingKind.USED_AFTER_CLOSE, finding.kind());
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains("uncertain: the tracer dropped 3 events"), finding.message());
    }

    @Test
    void liveAFindingWaitsUntilNoLaterRecordCanExplainIt() {
        TraceScript script = TraceScript.startedSession()
                .on(A).at(0, 5).call(WPU_CREATE_EVENT, 0x80)
                .on(A).at(100, 50).call(WPU_CLOSE_EVENT, 1, 0x80)
                .on(B).at(400, 5).call(WPU_SET_EVENT, 1, 0x80);
        EventObjectAnalyzer a = new EventObjectAnalyzer();
        a.acceptAll(script.records());
        assertEquals(List.of(), TraceScript.kinds(a), "a creation recorded later could still explain the use");
        long oneSecondLater = 405 + 10_000_000L + 1;
        a.acceptAll(TraceScript.startedSession().on(A).at(oneSecondLater, 5).call(WPU_CREATE_EVENT, 0x90).records()
                .subList(2, 3));
        assertEquals(List.of(FindingKind.USED_AFTER_CLOSE), TraceScript.kinds(a));
    }
}
