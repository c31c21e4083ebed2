package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_THREAD;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_OPEN_CURRENT_THREAD;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One process that loads the providers several times (trace format 1.1): what a load session leaves open at
 * WSPCleanup is "not released before the provider was unloaded", and its handle values are new handles in the
 * next load session.
 */
class LoadSessionLifecycleTest {

    private static final long SOCKET = 0x10000;
    private static final long EVENT = 0x1a4;
    private static final long THREAD = 0x1b0;

    /** One load session of a correct non-IFS provider: every handle made is released, the same values each time. */
    private static TraceScript correctSession(TraceScript script) {
        return script
                .call(WPU_CREATE_SOCKET_HANDLE, SOCKET, 1001, 0xC0DE)
                .call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, SOCKET, 0xC0DE)
                .call(WPU_CREATE_EVENT, EVENT)
                .call(WPU_SET_EVENT, 1, EVENT)
                .call(WPU_OPEN_CURRENT_THREAD, 0, THREAD, 0)
                .call(WPU_CLOSE_THREAD, 0, THREAD, 0)
                .call(WPU_CLOSE_EVENT, 1, EVENT)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, SOCKET);
    }

    @Test
    void fiveLoadSessionsOfACorrectProviderGiveNoFindings() {
        TraceScript script = correctSession(TraceScript.startedSession()).goodbye(EndReason.CLEANUP);
        for (int session = 2; session <= 5; session++) {
            correctSession(script.loadSession(session)).goodbye(session == 5 ? EndReason.PROCESS_EXIT
                    : EndReason.CLEANUP);
        }
        TraceAnalysis analysis = script.feed(new TraceAnalysis());
        assertEquals(List.of(), analysis.findings());
        assertEquals(1, analysis.statistics().processes().size());
        assertEquals("4 ended at WSPCleanup, 1 at process exit", analysis.statistics().processes().get(0).endings());
        assertEquals(5, analysis.handles().handles().size());
        assertTrue(analysis.handles().handles().stream().allMatch(h -> h.state() == ResourceState.CLOSED));
    }

    @Test
    void aSocketLeftOpenAtWspCleanupIsOneNotReleasedFindingAndItsValueIsNewInTheNextSession() {
        TraceScript script = TraceScript.startedSession()
                .call(WPU_CREATE_SOCKET_HANDLE, SOCKET, 1001, 0xC0DE);
        long goodbye = script.nextOffset();
        script.goodbye(EndReason.CLEANUP);
        correctSession(script.loadSession(2)).goodbye(EndReason.PROCESS_EXIT);
        TraceAnalysis analysis = script.feed(new TraceAnalysis());
        assertEquals(List.of(FindingKind.NOT_RELEASED_AT_UNLOAD), TraceScript.kinds(analysis));
        Finding finding = analysis.findings().get(0);
        assertEquals("not released before the provider was unloaded (WSPCleanup)", finding.kind().label());
        assertEquals(goodbye, finding.offset());
        assertEquals("socket handle 0x10000 created by WPUCreateSocketHandle at offset 248 (thread 100) was still"
                + " open when its load session ended at WSPCleanup", finding.message());
        assertEquals(List.of(ResourceState.NOT_RELEASED_AT_UNLOAD, ResourceState.CLOSED),
                analysis.handles().handles().stream().map(SocketHandle::state).toList());
    }

    @Test
    void whatIsOpenAtProcessExitIsLeakedAndAtTheOtherUnloadsNotReleased() {
        for (EndReason reason : EndReason.values()) {
            TraceAnalysis analysis = TraceScript.startedSession()
                    .call(WPU_CREATE_EVENT, EVENT)
                    .goodbye(reason)
                    .feed(new TraceAnalysis());
            FindingKind expected = reason.providersUnloaded() ? FindingKind.NOT_RELEASED_AT_UNLOAD
                    : FindingKind.LEAKED;
            assertEquals(List.of(expected), TraceScript.kinds(analysis), reason.name());
        }
    }

    @Test
    void aThreadHandleTheOpenDidNotWriteIsNoHandle() {
        TraceAnalysis analysis = TraceScript.startedSession()
                .callWith(WPU_OPEN_CURRENT_THREAD, 0, 0, UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN, 0x99, 0)
                .goodbye(EndReason.CLEANUP)
                .feed(new TraceAnalysis());
        assertEquals(List.of(), analysis.findings());
        assertEquals(List.of(), analysis.threads().threads());
    }
}
