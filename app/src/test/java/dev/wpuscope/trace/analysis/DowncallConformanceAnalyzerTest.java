package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Downcall.WSP_ASYNC_SELECT;
import static dev.wpuscope.trace.model.Downcall.WSP_CLOSE_SOCKET;
import static dev.wpuscope.trace.model.Downcall.WSP_CONNECT;
import static dev.wpuscope.trace.model.Downcall.WSP_GET_OVERLAPPED_RESULT;
import static dev.wpuscope.trace.model.Downcall.WSP_RECV;
import static dev.wpuscope.trace.model.Downcall.WSP_SEND;
import static dev.wpuscope.trace.model.Downcall.WSP_SOCKET;
import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_MODIFY_IFS_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_POST_MESSAGE;
import static dev.wpuscope.trace.model.Upcall.WPU_QUEUE_APC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unmatched-call findings on small hand-built 1.2 captures. */
class DowncallConformanceAnalyzerTest {

    private static final long S = 0x2C8;
    private static final long HWND = 0x10A2E;
    private static final long MSG = 0x401;
    private static final long OVERLAPPED = 0xE1_2345_9000L;
    private static final int PENDING = DowncallEvent.FLAG_PENDING;
    private static final int IO_PENDING = 997;

    /** WSPSocket (call 1) with the non-IFS handle creation inside it. */
    private static TraceScript nonIfsSocket() {
        return TraceScript.startedSpi()
                .inside(1).call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 7)
                .inside(0).down(WSP_SOCKET, 1, S, 2, 1, 6, 1001, 0, 1);
    }

    private static List<FindingKind> kinds(TraceScript script) {
        return TraceScript.kinds(script.feed(new DowncallConformanceAnalyzer()));
    }

    @Test
    void nonIfsCloseMustCloseTheHandleInsideTheCall() {
        TraceScript withoutHandleClose = nonIfsSocket().down(WSP_CLOSE_SOCKET, 2, S);
        DowncallConformanceAnalyzer a = withoutHandleClose.feed(new DowncallConformanceAnalyzer());
        assertEquals(List.of(FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().startsWith("WSPCloseSocket of socket 0x2c8 succeeded without"
                + " calling WPUCloseSocketHandle"), a.findings().get(0).message());
        assertEquals(TraceScript.PROVIDER, a.findings().get(0).provider());

        assertEquals(List.of(), kinds(nonIfsSocket()
                .inside(2).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).down(WSP_CLOSE_SOCKET, 2, S)));
    }

    @Test
    void handleClosedOutsideTheCallOrAnotherHandleDoesNotCount() {
        assertEquals(List.of(FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE), kinds(nonIfsSocket()
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .down(WSP_CLOSE_SOCKET, 2, S)));
        assertEquals(List.of(FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE), kinds(nonIfsSocket()
                .inside(2).call(WPU_CLOSE_SOCKET_HANDLE, 0, S + 4)
                .inside(0).down(WSP_CLOSE_SOCKET, 2, S)));
    }

    @Test
    void ifsAndFailedClosesNeedNoHandleClose() {
        assertEquals(List.of(), kinds(TraceScript.startedSpi()
                .inside(1).call(WPU_MODIFY_IFS_HANDLE, S, 1001, S)
                .inside(0).down(WSP_SOCKET, 1, S, 2, 1, 6, 1001, 0, 1)
                .down(WSP_CLOSE_SOCKET, 2, S)));
        assertEquals(List.of(), kinds(nonIfsSocket()
                .downcall(WSP_CLOSE_SOCKET, 2, S, -1, 10038, 0)
                .inside(3).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).down(WSP_CLOSE_SOCKET, 3, S)));
    }

    @Test
    void asyncSelectNeverAnsweredIsReportedWhenTheLoadSessionEnds() {
        TraceScript script = nonIfsSocket().down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x23);
        DowncallConformanceAnalyzer a = new DowncallConformanceAnalyzer();
        a.acceptAll(script.records());
        assertEquals(List.of(), TraceScript.kinds(a), "not yet: a message may still come");
        a.acceptAll(script.goodbye(EndReason.CLEANUP).records().subList(script.records().size() - 1,
                script.records().size()));
        assertEquals(List.of(FindingKind.ASYNC_SELECT_UNANSWERED), TraceScript.kinds(a));
        assertEquals("WSPAsyncSelect of socket 0x2c8 for FD_READ|FD_WRITE|FD_CLOSE (hwnd 0x10a2e, msg 0x401) was"
                + " never answered by a WPUPostMessage", a.findings().get(0).message());
    }

    @Test
    void aMessageForAnotherWindowOrMessageDoesNotAnswer() {
        assertEquals(List.of(FindingKind.ASYNC_SELECT_UNANSWERED), kinds(nonIfsSocket()
                .down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x23)
                .on(101).call(WPU_POST_MESSAGE, 1, HWND, MSG + 1, S, 0x2)));
        assertEquals(List.of(), kinds(nonIfsSocket()
                .down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x23)
                .on(101).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)));
    }

    @Test
    void aMessageNamingEventsNotAskedForIsReported() {
        DowncallConformanceAnalyzer a = nonIfsSocket()
                .down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x21)
                .on(101).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)
                .feed(new DowncallConformanceAnalyzer());
        assertEquals(List.of(FindingKind.UNREQUESTED_FD_EVENT), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().contains("names FD_WRITE, which its WSPAsyncSelect at offset"),
                a.findings().get(0).message());
    }

    @Test
    void aMessagePostedWhileTheRegistrationRanAnswersIt() {
        // the provider's thread posts FD_WRITE at once; the WSPAsyncSelect record is written when it returns
        assertEquals(List.of(), kinds(nonIfsSocket()
                .on(101).at(2000, 3).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)
                .on(100).at(1990, 20).down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x23)));
        // a message that ended long before the registration started does not answer it
        assertEquals(List.of(FindingKind.ASYNC_SELECT_UNANSWERED), kinds(nonIfsSocket()
                .on(101).at(2000, 3).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)
                .on(100).at(9000, 20).down(WSP_ASYNC_SELECT, 2, S, HWND, MSG, 0x23)));
    }

    /** The non-IFS socket, connected to a peer (WSPConnect, call 2). */
    private static TraceScript connectedSocket() {
        return nonIfsSocket().down(WSP_CONNECT, 2, S, 16, 0, 0, 0, 0, 0x0100007F_5000_0002L, 0, 0, 0);
    }

    /** The socket's close (call {@code callId}), with its handle closed inside it. */
    private static TraceScript closed(TraceScript script, int callId) {
        return script.inside(callId).call(WPU_CLOSE_SOCKET_HANDLE, 0, S).inside(0).down(WSP_CLOSE_SOCKET, callId, S);
    }

    /** FD_READ|FD_WRITE asked on the connected socket, then its close during ticks [5000, 5020]. */
    private static TraceScript registeredThenClosedAt5000() {
        return connectedSocket().down(WSP_ASYNC_SELECT, 3, S, HWND, MSG, 0x3)
                .inside(4).call(WPU_CLOSE_SOCKET_HANDLE, 0, S).inside(0).at(5000, 20).down(WSP_CLOSE_SOCKET, 4, S);
    }

    @Test
    void fdWriteOwedOnAConnectedSocketIsReportedWhenTheSocketCloses() {
        DowncallConformanceAnalyzer a = new DowncallConformanceAnalyzer();
        TraceScript script = closed(connectedSocket().down(WSP_ASYNC_SELECT, 3, S, HWND, MSG, 0x3), 4)
                .on(101).at(50_000_000, 5).down(WSP_SEND, 5, 0x3C4, 1, 5, 5, 0, 0, 0);
        a.acceptAll(script.records());
        assertEquals(List.of(FindingKind.ASYNC_SELECT_UNANSWERED), TraceScript.kinds(a),
                "judged at the close, before the load session ends");
        String message = a.findings().get(0).message();
        assertTrue(message.startsWith("WSPAsyncSelect of connected socket 0x2c8 for FD_READ|FD_WRITE (hwnd 0x10a2e,"
                + " msg 0x401) was not answered before its WSPCloseSocket at offset "), message);
        assertTrue(message.endsWith("so FD_WRITE was owed at once"), message);
    }

    @Test
    void aRegistrationEndedByACloseOwesNothingUnlessItAskedFdWriteOfAConnectedSocket() {
        assertEquals(List.of(), kinds(closed(nonIfsSocket().down(WSP_ASYNC_SELECT, 3, S, HWND, MSG, 0x3), 4)
                .goodbye()), "not connected: nothing had happened yet");
        assertEquals(List.of(), kinds(closed(connectedSocket().down(WSP_ASYNC_SELECT, 3, S, HWND, MSG, 0x21), 4)
                .goodbye()), "FD_READ|FD_CLOSE: no data or close may have come");
        assertEquals(List.of(), kinds(closed(connectedSocket().down(WSP_ASYNC_SELECT, 3, S, HWND, MSG, 0x3)
                .on(101).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2).on(100), 4).goodbye()), "answered");
    }

    @Test
    void aPostRecordedAfterTheCloseAnswersTheRegistrationWhenItMayHaveComeFirst() {
        // the provider's worker posted FD_WRITE while the close ran; its record is written after the close's
        assertEquals(List.of(), kinds(registeredThenClosedAt5000()
                .on(101).at(5005, 3).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)));
        // a post that certainly came after the close (another socket with the value) does not
        assertEquals(List.of(FindingKind.ASYNC_SELECT_UNANSWERED), kinds(registeredThenClosedAt5000()
                .on(101).at(90_000, 3).call(WPU_POST_MESSAGE, 1, HWND, MSG, S, 0x2)));
    }

    @Test
    void pendingOverlappedRequestNeverCompletedIsReportedAtTheEnd() {
        DowncallConformanceAnalyzer a = nonIfsSocket()
                .downcall(WSP_RECV, 2, S, -1, IO_PENDING, PENDING, 1, 512, 0, 0, 0, OVERLAPPED, 0)
                .feed(new DowncallConformanceAnalyzer());
        assertEquals(List.of(FindingKind.OVERLAPPED_NOT_COMPLETED), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().startsWith("WSPRecv on socket 0x2c8 returned WSA_IO_PENDING"
                + " (overlapped 0xe123459000) and was not completed"), a.findings().get(0).message());
    }

    @Test
    void overlappedRequestsCompletedEachWayAreNotReported() {
        // by WPUCompleteOverlappedRequest, recorded after the call
        assertEquals(List.of(), kinds(nonIfsSocket()
                .downcall(WSP_RECV, 2, S, -1, IO_PENDING, PENDING, 1, 512, 0, 0, 0, OVERLAPPED, 0)
                .on(101).call(WPU_COMPLETE_OVERLAPPED_REQUEST, 0, S, OVERLAPPED, 0, 11)));
        // by WPUCompleteOverlappedRequest made inside the call (recorded before it)
        assertEquals(List.of(), kinds(nonIfsSocket()
                .inside(2).call(WPU_COMPLETE_OVERLAPPED_REQUEST, 0, S, OVERLAPPED, 0, 11)
                .inside(0).downcall(WSP_SEND, 2, S, -1, IO_PENDING, PENDING, 1, 11, 0, 0, OVERLAPPED, 0)));
        // by an APC for its completion routine
        assertEquals(List.of(), kinds(nonIfsSocket()
                .downcall(WSP_RECV, 2, S, -1, IO_PENDING, PENDING, 1, 512, 0, 0, 0, OVERLAPPED, 0x7FF0_1000L)
                .on(101).call(WPU_QUEUE_APC, 0, 0x44, 0, 0x7FF0_2000L, 0x1234)));
        // asked for with WSPGetOverlappedResult
        assertEquals(List.of(), kinds(nonIfsSocket()
                .downcall(WSP_RECV, 2, S, -1, IO_PENDING, PENDING, 1, 512, 0, 0, 0, OVERLAPPED, 0)
                .downcall(WSP_GET_OVERLAPPED_RESULT, 3, S, 1, 0, 0, OVERLAPPED, 11, 1, 0)));
    }

    @Test
    void anApcCompletesOnlyARequestWithACompletionRoutine() {
        assertEquals(List.of(FindingKind.OVERLAPPED_NOT_COMPLETED), kinds(nonIfsSocket()
                .downcall(WSP_RECV, 2, S, -1, IO_PENDING, PENDING, 1, 512, 0, 0, 0, OVERLAPPED, 0)
                .on(101).call(WPU_QUEUE_APC, 0, 0x44, 0, 0x7FF0_2000L, 0x1234)));
    }

    @Test
    void callOnASocketAfterItsCloseIsReported() {
        DowncallConformanceAnalyzer a = nonIfsSocket()
                .inside(2).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).down(WSP_CLOSE_SOCKET, 2, S)
                .downcall(WSP_SEND, 3, S, -1, 10038, 0, 1, 5, 0, 0, 0, 0)
                .feed(new DowncallConformanceAnalyzer());
        assertEquals(List.of(FindingKind.CALL_AFTER_CLOSE), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().startsWith("WSPSend on socket 0x2c8 after its WSPCloseSocket at"
                + " offset "), a.findings().get(0).message());
        assertTrue(a.findings().get(0).message().endsWith("(it failed with 10038 WSAENOTSOCK)"),
                a.findings().get(0).message());
    }

    @Test
    void aValueCreatedAgainAfterTheCloseIsANewSocket() {
        assertEquals(List.of(), kinds(nonIfsSocket()
                .inside(2).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).down(WSP_CLOSE_SOCKET, 2, S)
                .inside(3).call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 8)
                .inside(0).down(WSP_SOCKET, 3, S, 2, 1, 6, 1001, 0, 1)
                .down(WSP_SEND, 4, S, 1, 5, 5, 0, 0, 0)));
    }

    @Test
    void aCallConcurrentWithTheCloseOrExplainedByALaterRecordedCreationIsNotReported() {
        // another thread's send overlapping the close in time may have taken effect first
        assertEquals(List.of(), kinds(nonIfsSocket()
                .inside(2).at(5000, 10).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).at(5000, 20).down(WSP_CLOSE_SOCKET, 2, S)
                .on(101).at(5010, 30).down(WSP_SEND, 3, S, 1, 5, 5, 0, 0, 0)));
        // a thread's WSPSocket that got the value again is recorded after another thread's use of it
        assertEquals(List.of(), kinds(nonIfsSocket()
                .inside(2).at(5000, 10).call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .inside(0).at(5000, 20).down(WSP_CLOSE_SOCKET, 2, S)
                .on(101).at(6020, 5).down(WSP_SEND, 3, S, 1, 5, 5, 0, 0, 0)
                .on(102).inside(4).at(6001, 3).call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 8)
                .inside(0).at(6000, 10).down(WSP_SOCKET, 4, S, 2, 1, 6, 1001, 0, 1)));
    }
}
