package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Downcall.WSP_EVENT_SELECT;
import static dev.wpuscope.trace.model.Downcall.WSP_RECV;
import static dev.wpuscope.trace.model.Downcall.WSP_SEND;
import static dev.wpuscope.trace.model.Upcall.WPU_QUEUE_APC;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values the trace never created that the application handed to the provider in a recorded downcall (format 1.2):
 * its own event from WSACreateEvent, a bad socket value, the WSATHREADID ws2_32 passes with a completion routine.
 * They are not handles the provider lost track of: no warning, and a line of information when the provider's use
 * of the value failed.
 */
class ApplicationHandlesTest {

    private static final long EVENT = 0x8C;
    private static final long BAD_SOCKET = 0x7F_FFF0;
    private static final int WSAENOTSOCK = 10038;

    @Test
    void anEventGivenToWspEventSelectIsTheApplicationsOwn() {
        assertEquals(List.of(), TraceScript.kinds(TraceScript.startedSpi()
                .down(WSP_EVENT_SELECT, 1, 0x2C8, EVENT, 0x21)
                .on(101).call(WPU_SET_EVENT, 1, EVENT)
                .feed(new EventObjectAnalyzer())));
        // set inside the registration itself: the upcall's record comes before its call's
        assertEquals(List.of(), TraceScript.kinds(TraceScript.startedSpi()
                .inside(1).call(WPU_SET_EVENT, 1, EVENT)
                .inside(0).down(WSP_EVENT_SELECT, 1, 0x2C8, EVENT, 0x21)
                .feed(new EventObjectAnalyzer())));
    }

    @Test
    void anEventNoCallGaveIsStillNeverCreated() {
        // used inside a call that did not hand it over
        List<Finding> findings = TraceScript.startedSpi()
                .inside(1).call(WPU_SET_EVENT, 1, EVENT)
                .inside(0).down(WSP_EVENT_SELECT, 1, 0x2C8, EVENT + 4, 0x21)
                .feed(new EventObjectAnalyzer()).findings();
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE), findings.stream().map(Finding::kind).toList());
        assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
        assertEquals("event 0x8c passed to WPUSetEvent was never created in this trace", findings.get(0).message());
        // used outside any call
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE), TraceScript.kinds(TraceScript.startedSpi()
                .call(WPU_SET_EVENT, 1, EVENT)
                .feed(new EventObjectAnalyzer())));
    }

    @Test
    void aBadSocketTheApplicationPassedIsInformationWhenTheLookupFails() {
        List<Finding> findings = TraceScript.startedSpi()
                .inside(1).fail(WPU_QUERY_SOCKET_HANDLE_CONTEXT, WSAENOTSOCK, BAD_SOCKET, 0)
                .inside(0).downcall(WSP_SEND, 1, BAD_SOCKET, -1, WSAENOTSOCK, 0, 1, 5, 0, 0, 0, 0)
                .feed(new HandleContextAnalyzer()).findings();
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Finding.Severity.INFO, f.severity());
        assertTrue(f.message().startsWith("socket handle 0x7ffff0 passed to WPUQuerySocketHandleContext came from the"
                + " application in WSPSend at offset "), f.message());
        assertTrue(f.message().endsWith("; no provider made it, error 10038 WSAENOTSOCK"), f.message());
    }

    private static final long THREAD = 0x8C;
    private static final long ROUTINE = 0x1_4000_2000L;

    @Test
    void aThreadHandleAfterACallWithACompletionRoutineIsTheWsaThreadIdOfWs2() {
        TraceScript recvWithRoutine = TraceScript.startedSpi()
                .downcall(WSP_RECV, 1, 0x2C8, -1, 997, 4, 1, 15, 0, 0, 0, 0x2000, ROUTINE);
        assertEquals(List.of(), TraceScript.kinds(recvWithRoutine
                .on(101).call(WPU_QUEUE_APC, 0, THREAD, 36, 0x7FF0_2000L, 0x1234)
                .feed(new ThreadHandleAnalyzer())));
        List<Finding> failed = TraceScript.startedSpi()
                .downcall(WSP_RECV, 1, 0x2C8, -1, 997, 4, 1, 15, 0, 0, 0, 0x2000, ROUTINE)
                .on(101).fail(WPU_QUEUE_APC, 6, THREAD, 36, 0x7FF0_2000L, 0x1234)
                .feed(new ThreadHandleAnalyzer()).findings();
        Finding unknown = failed.stream().filter(f -> f.kind() == FindingKind.UNKNOWN_HANDLE).findFirst().orElseThrow();
        assertEquals(Finding.Severity.INFO, unknown.severity());
        assertTrue(unknown.message().startsWith("thread handle 0x8c passed to WPUQueueApc is the WSATHREADID ws2_32"
                + " passes with a completion routine (WSPRecv at offset "), unknown.message());
        // queued inside the call that gave it, before the call's record
        assertEquals(List.of(), TraceScript.kinds(TraceScript.startedSpi()
                .inside(1).call(WPU_QUEUE_APC, 0, THREAD, 36, 0x7FF0_2000L, 0x1234)
                .inside(0).downcall(WSP_RECV, 1, 0x2C8, 0, 0, 0, 1, 15, 3, 0, 0, 0x2000, ROUTINE)
                .feed(new ThreadHandleAnalyzer())));
    }

    @Test
    void aThreadHandleWithoutSuchACallIsStillNeverCreated() {
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE), TraceScript.kinds(TraceScript.startedSpi()
                .downcall(WSP_RECV, 1, 0x2C8, -1, 997, 4, 1, 15, 0, 0, 0, 0x2000, 0)
                .on(101).call(WPU_QUEUE_APC, 0, THREAD, 36, 0x7FF0_2000L, 0x1234)
                .feed(new ThreadHandleAnalyzer())));
    }
}
