package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_MODIFY_IFS_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleContextAnalyzerTest {

    private static final long S = 0x2c8;

    @Test
    void createQueryCloseIsCleanAndKeepsTheContext() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 0xdead)
                .call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, S, 0xdead)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        SocketHandle h = a.handles().get(0);
        assertEquals(ResourceState.CLOSED, h.state());
        assertEquals(0xdead, h.context());
        assertEquals(1001, h.catalogEntryId());
        assertEquals(WPU_CREATE_SOCKET_HANDLE, h.createdBy());
        assertEquals(TraceScript.PROVIDER, h.lifecycle().provider());
        assertEquals(1, h.queryCount());
        assertEquals(1, h.queryOffsets().size());
        assertEquals(1, h.lifecycle().closeOffsets().size());
        assertEquals(1, h.lifecycle().generation());
        assertEquals(List.of(), a.findings());
    }

    @Test
    void openAtGoodbyeIsLeakedButOpenWithoutGoodbye() {
        TraceScript script = TraceScript.started().call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 7);
        HandleContextAnalyzer running = script.feed(new HandleContextAnalyzer());
        assertEquals(ResourceState.OPEN, running.handles().get(0).state());
        assertEquals(List.of(), running.findings());

        long goodbyeOffset = script.nextOffset();
        HandleContextAnalyzer ended = script.goodbye().feed(new HandleContextAnalyzer());
        TrackedResource h = ended.handles().get(0).lifecycle();
        assertEquals(ResourceState.LEAKED, h.state());
        assertEquals(goodbyeOffset, h.endOffset());
        assertEquals(List.of(FindingKind.LEAKED), TraceScript.kinds(ended));
        Finding leak = ended.findings().get(0);
        assertEquals(TraceScript.PROVIDER, leak.provider());
        assertTrue(leak.message().contains("socket handle 0x2c8"), leak.message());
    }

    @Test
    void secondCloseIsClosedTwice() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 7)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .fail(WPU_CLOSE_SOCKET_HANDLE, 10038, S)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        assertEquals(ResourceState.CLOSED_TWICE, a.handles().get(0).state());
        assertEquals(2, a.handles().get(0).lifecycle().closeOffsets().size());
        assertEquals(List.of(FindingKind.CLOSED_TWICE), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().contains("WSAENOTSOCK"), a.findings().get(0).message());
    }

    @Test
    void queryAfterCloseIsReported() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 7)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .fail(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 10038, S, 0)
                .feed(new HandleContextAnalyzer());
        assertEquals(ResourceState.USED_AFTER_CLOSE, a.handles().get(0).state());
        assertEquals(List.of(FindingKind.USED_AFTER_CLOSE), TraceScript.kinds(a));
    }

    @Test
    void queryOrCloseOfAHandleNeverCreatedIsUnknown() {
        HandleContextAnalyzer a = TraceScript.started()
                .fail(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 10038, 0x999, 0)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, 0x777)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        assertEquals(2, a.handles().size());
        a.handles().forEach(h -> assertEquals(ResourceState.UNKNOWN, h.state()));
        assertNull(a.handles().get(0).createdBy());
        assertNull(a.handles().get(0).lifecycle().creation());
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE, FindingKind.UNKNOWN_HANDLE), TraceScript.kinds(a));
    }

    @Test
    void failedCreationHasNoHandle() {
        HandleContextAnalyzer a = TraceScript.started()
                .fail(WPU_CREATE_SOCKET_HANDLE, 10055, 1001, 7)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        assertEquals(ResourceState.FAILED_CREATION, a.handles().get(0).state());
        assertEquals(0, a.handles().get(0).lifecycle().generation());
        assertEquals(List.of(FindingKind.CREATE_FAILED), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().contains("10055 WSAENOBUFS"));
    }

    @Test
    void aValueReusedAfterCloseStartsANewGeneration() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 1)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 2)
                .call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, S, 2)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        List<SocketHandle> handles = a.handles();
        assertEquals(2, handles.size());
        assertEquals(ResourceState.CLOSED, handles.get(0).state());
        assertEquals(List.of(), handles.get(0).queryOffsets());
        assertEquals(2, handles.get(1).lifecycle().generation());
        assertEquals(2, handles.get(1).context());
        assertEquals(1, handles.get(1).queryOffsets().size());
        assertEquals(ResourceState.LEAKED, handles.get(1).state());
        assertEquals(List.of(FindingKind.LEAKED), TraceScript.kinds(a));
    }

    @Test
    void aValueReturnedAgainWhileOpenIsReported() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 1)
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 2)
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.REUSED_WHILE_OPEN), TraceScript.kinds(a));
        assertEquals(2, a.handles().size());
    }

    @Test
    void theOlderCopyOfAValueReturnedAgainWhileOpenIsAccountedOnceNotAlsoLeaked() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 1)
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 2)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.REUSED_WHILE_OPEN), TraceScript.kinds(a));
        assertEquals(List.of(ResourceState.RETURNED_AGAIN_WHILE_OPEN, ResourceState.CLOSED),
                a.handles().stream().map(SocketHandle::state).toList());
    }

    @Test
    void aContextTheQueryDidNotWriteIsNotAMismatch() {
        HandleContextAnalyzer a = TraceScript.startedSession()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 0x10)
                .callWith(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, 0, UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN, S, 7)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(), a.findings());
    }

    @Test
    void aFailureWithoutAnErrorCodeSaysSoInsteadOfNamingError0() {
        HandleContextAnalyzer a = TraceScript.startedSession()
                .callWith(WPU_CLOSE_SOCKET_HANDLE, -1, 0, UpcallEvent.FLAG_NO_ERROR_CODE, S)
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().endsWith(", no error code given"), a.findings().get(0).message());
    }

    @Test
    void queryReturningAnotherContextOrWithNullOutPointerIsReported() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 0x10)
                .call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, S, 0x11)
                .callWith(WPU_QUERY_SOCKET_HANDLE_CONTEXT, -1, 10014, UpcallEvent.FLAG_OUT_ARG_UNREADABLE, S, 0)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.CONTEXT_MISMATCH, FindingKind.NULL_OUT_POINTER), TraceScript.kinds(a));
        assertEquals(ResourceState.CLOSED, a.handles().get(0).state());
    }

    @Test
    void ifsHandleHasNoContext() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_MODIFY_IFS_HANDLE, 0x500, 1002, 0x500)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, 0x500)
                .feed(new HandleContextAnalyzer());
        SocketHandle h = a.handles().get(0);
        assertEquals(WPU_MODIFY_IFS_HANDLE, h.createdBy());
        assertNull(h.context());
        assertEquals(1002, h.catalogEntryId());
        assertEquals(ResourceState.CLOSED, h.state());
    }

    @Test
    void ifsHandlesAreClosedByTheirProviderSoTheyNeverLeak() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_MODIFY_IFS_HANDLE, 0x7c, 1002, 0x7c)
                .call(WPU_MODIFY_IFS_HANDLE, 0x7c, 1002, 0x7c)
                .goodbye()
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(ResourceState.CLOSE_NOT_TRACED, ResourceState.CLOSE_NOT_TRACED),
                a.handles().stream().map(SocketHandle::state).toList());
        assertEquals(2, a.handles().get(1).lifecycle().generation());
        assertEquals(List.of(), a.findings());
    }

    @Test
    void failedCloseOfAnOpenHandleLeavesItOpen() {
        HandleContextAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 1)
                .fail(WPU_CLOSE_SOCKET_HANDLE, 10050, S)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, S)
                .feed(new HandleContextAnalyzer());
        assertEquals(List.of(FindingKind.CLOSE_FAILED), TraceScript.kinds(a));
        assertEquals(ResourceState.CLOSED, a.handles().get(0).state());
    }

    @Test
    void aNewProcessWithTheSamePidDoesNotInheritHandles() {
        TraceScript script = TraceScript.started().call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 1);
        List<TraceRecord> second = TraceScript.started().call(WPU_CLOSE_SOCKET_HANDLE, 0, S).records();
        HandleContextAnalyzer a = script.feed(new HandleContextAnalyzer());
        a.acceptAll(second);
        assertEquals(ResourceState.OPEN, a.handles().get(0).state());
        assertEquals(ResourceState.UNKNOWN, a.handles().get(1).state());
    }

    @Test
    void keepsTheFirstThousandQueriesOfAHandleAndCountsAll() {
        TraceScript script = TraceScript.started().call(WPU_CREATE_SOCKET_HANDLE, S, 1001, 7);
        for (int i = 0; i < 1500; i++) {
            script.call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, S, 7);
        }
        TrackedResource h = script.feed(new HandleContextAnalyzer()).handles().get(0).lifecycle();
        assertEquals(1000, h.useOffsets().size());
        assertEquals(1500, h.useCount());
        assertEquals(1500, h.useCount(WPU_QUERY_SOCKET_HANDLE_CONTEXT));
    }

    @Test
    void keepsTheFirstHundredThousandFindingsAndCountsAll() {
        TraceScript script = TraceScript.started();
        for (int i = 0; i < 100_050; i++) {
            script.call(WPU_CLOSE_SOCKET_HANDLE, 0, 0x1000 + 4L * i);
        }
        HandleContextAnalyzer a = script.feed(new HandleContextAnalyzer());
        assertEquals(100_000, a.findings().size());
        assertEquals(100_050, a.findingCount());
        assertEquals(100_050, a.handles().size());
    }

    @Test
    void callsOfUnknownUpcallNumbersAreIgnored() {
        HandleContextAnalyzer a = new HandleContextAnalyzer();
        a.accept(new UpcallEvent(0, 1, 0, 99, 1, 0, 0, 0, 0, 0, 0, 0, new long[] {S}, ""));
        assertEquals(List.of(), a.handles());
        assertEquals(Upcall.values().length, 16);
    }
}
