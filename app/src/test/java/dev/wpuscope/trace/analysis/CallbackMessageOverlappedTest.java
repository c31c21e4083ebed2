package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST;
import static dev.wpuscope.trace.model.Upcall.WPU_POST_MESSAGE;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_BLOCKING_CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackMessageOverlappedTest {

    @Test
    void blockingCallbacksPerThread() {
        BlockingCallbackAnalyzer a = TraceScript.started()
                .on(1).call(WPU_QUERY_BLOCKING_CALLBACK, 0, 1001, 0x7ff0_1000L, 85)
                .on(1).call(WPU_QUERY_BLOCKING_CALLBACK, 0, 1001, 0x7ff0_1000L, 85)
                .on(1).call(WPU_QUERY_BLOCKING_CALLBACK, 0, 1001, 0, 0)
                .on(2).fail(WPU_QUERY_BLOCKING_CALLBACK, 10093, 1001, 0, 0)
                .on(2).callWith(WPU_QUERY_BLOCKING_CALLBACK, 0, 0, UpcallEvent.FLAG_OUT_ARG_UNREADABLE, 1001, 0, 0)
                .feed(new BlockingCallbackAnalyzer());
        List<ThreadBlockingCallbacks> threads = a.threads();
        assertEquals(2, threads.size());
        ThreadBlockingCallbacks one = threads.get(0);
        assertEquals(1, one.tid());
        assertEquals(3, one.calls());
        assertEquals(0, one.failures());
        assertEquals(List.of(new ThreadBlockingCallbacks.Value(0x7ff0_1000L, 85, 2),
                new ThreadBlockingCallbacks.Value(0, 0, 1)), one.values());
        ThreadBlockingCallbacks two = threads.get(1);
        assertEquals(2, two.calls());
        assertEquals(1, two.failures());
        assertEquals(10093, two.lastError());
        assertEquals(List.of(FindingKind.UPCALL_FAILED, FindingKind.NULL_OUT_POINTER), TraceScript.kinds(a));
    }

    @Test
    void postedMessagesAreDecodedIntoEventAndError() {
        PostedMessageAnalyzer a = TraceScript.started()
                .call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2c8, 0x1)
                .call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2c8, 0x2746_0020L)
                .call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2d0, 0x200)
                .fail(WPU_POST_MESSAGE, 0, 0x10a2e, 0x401, 0x2d0, 0x10)
                .call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2d0, 0x3)
                .call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2d0, 0x800)
                .feed(new PostedMessageAnalyzer());
        List<PostedMessage> messages = a.messages();
        assertEquals(Set.of(FdEvent.READ), messages.get(0).events());
        assertEquals("FD_READ", messages.get(0).describe());
        PostedMessage close = messages.get(1);
        assertEquals(Set.of(FdEvent.CLOSE), close.events());
        assertEquals(10054, close.selectError());
        assertEquals("FD_CLOSE, 10054 WSAECONNRESET", close.describe());
        assertEquals("FD_ADDRESS_LIST_CHANGE", messages.get(2).describe());
        assertFalse(messages.get(3).posted());
        assertEquals("FD_READ|FD_WRITE", messages.get(4).describe());
        assertEquals("0x800", messages.get(5).describe());
        assertEquals(List.of(new SocketRef(TraceScript.PID, 0x2c8), new SocketRef(TraceScript.PID, 0x2d0)),
                a.sockets());
        assertEquals(2, a.messageCount(new SocketRef(TraceScript.PID, 0x2c8)));
        assertEquals(4, a.messageCount(new SocketRef(TraceScript.PID, 0x2d0)));
        assertEquals(0, a.messageCount(new SocketRef(1, 0x2d0)));
        assertEquals(List.of(FindingKind.UPCALL_FAILED, FindingKind.SEVERAL_FD_EVENTS, FindingKind.UNKNOWN_FD_EVENT),
                TraceScript.kinds(a));
    }

    @Test
    void aSocketsMessagesAreAllCounted() {
        TraceScript script = TraceScript.started();
        for (int i = 0; i < 1200; i++) {
            script.call(WPU_POST_MESSAGE, 1, 0x10a2e, 0x401, 0x2c8, 0x1);
        }
        PostedMessageAnalyzer a = script.feed(new PostedMessageAnalyzer());
        SocketRef socket = new SocketRef(TraceScript.PID, 0x2c8);
        assertEquals(1200, a.messageCount(socket));
        assertEquals(1200, a.messages().size());
        assertEquals(1200, a.messageCount());
    }

    @Test
    void everyFdEventBitHasItsName() {
        assertEquals(List.of("FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE", "FD_QOS",
                        "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE"),
                FdEvent.decode(0x3FF).stream().map(FdEvent::constantName).toList());
        assertEquals(List.of(0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200),
                List.of(FdEvent.values()).stream().map(FdEvent::bit).toList());
    }

    @Test
    void overlappedCompletionsPerSocket() {
        OverlappedAnalyzer a = TraceScript.started()
                .call(WPU_COMPLETE_OVERLAPPED_REQUEST, 0, 0x2c8, 0xe1000, 0, 512)
                .call(WPU_COMPLETE_OVERLAPPED_REQUEST, 0, 0x2c8, 0xe1040, 10054, 0)
                .fail(WPU_COMPLETE_OVERLAPPED_REQUEST, 10022, 0x2d0, 0, 0, 0)
                .feed(new OverlappedAnalyzer());
        assertEquals(3, a.completions().size());
        assertEquals(10054, a.completions().get(1).completionError());
        assertEquals(List.of(new SocketCompletions(TraceScript.PID, 0x2c8, 2, 512, 1, 0),
                new SocketCompletions(TraceScript.PID, 0x2d0, 1, 0, 0, 1)), a.perSocket());
        assertEquals(List.of(FindingKind.UPCALL_FAILED), TraceScript.kinds(a));
        assertEquals("WPUCompleteOverlappedRequest for socket 0x2d0 failed, error 10022 WSAEINVAL",
                a.findings().get(0).message());
    }
}
