package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_THREAD;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_OPEN_CURRENT_THREAD;
import static dev.wpuscope.trace.model.Upcall.WPU_QUEUE_APC;
import static dev.wpuscope.trace.model.Upcall.WPU_RESET_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAndThreadAnalyzerTest {

    @Test
    void eventLifecycleCountsSetsAndResets() {
        EventObjectAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_EVENT, 0x1a4)
                .call(WPU_SET_EVENT, 1, 0x1a4)
                .call(WPU_SET_EVENT, 1, 0x1a4)
                .call(WPU_RESET_EVENT, 1, 0x1a4)
                .call(WPU_CLOSE_EVENT, 1, 0x1a4)
                .goodbye()
                .feed(new EventObjectAnalyzer());
        TrackedResource e = a.events().get(0);
        assertEquals(ResourceState.CLOSED, e.state());
        assertEquals(2, e.useCount(WPU_SET_EVENT));
        assertEquals(1, e.useCount(WPU_RESET_EVENT));
        assertEquals(List.of(), a.findings());
    }

    @Test
    void eventProblemsAreReported() {
        EventObjectAnalyzer a = TraceScript.started()
                .fail(WPU_CREATE_EVENT, 8)
                .call(WPU_CREATE_EVENT, 0x1a4)
                .call(WPU_CREATE_EVENT, 0x1a8)
                .fail(WPU_SET_EVENT, 6, 0x1a8)
                .call(WPU_CLOSE_EVENT, 1, 0x1a8)
                .fail(WPU_CLOSE_EVENT, 6, 0x1a8)
                .call(WPU_RESET_EVENT, 1, 0x1a8)
                .call(WPU_SET_EVENT, 1, 0x2000)
                .goodbye()
                .feed(new EventObjectAnalyzer());
        assertEquals(List.of(FindingKind.CREATE_FAILED, FindingKind.UPCALL_FAILED, FindingKind.CLOSED_TWICE,
                FindingKind.USED_AFTER_CLOSE, FindingKind.UNKNOWN_HANDLE, FindingKind.LEAKED), TraceScript.kinds(a));
        assertEquals(List.of(ResourceState.FAILED_CREATION, ResourceState.LEAKED, ResourceState.CLOSED_TWICE,
                ResourceState.UNKNOWN), a.events().stream().map(TrackedResource::state).toList());
    }

    @Test
    void threadHandlesPairAndApcTargetsNameTheOpeningThread() {
        ThreadHandleAnalyzer a = TraceScript.started()
                .on(7001).call(WPU_OPEN_CURRENT_THREAD, 0, 0x1b0, 0)
                .on(7000).call(WPU_QUEUE_APC, 0, 0x1b0, 0, 0x7ff0_0000_2000L, 0x77)
                .call(WPU_QUEUE_APC, 0, 0x3000, 0, 0x7ff0_0000_2000L, 0x78)
                .on(7001).call(WPU_CLOSE_THREAD, 0, 0x1b0, 0)
                .goodbye()
                .feed(new ThreadHandleAnalyzer());
        assertEquals(ResourceState.CLOSED, a.threads().get(0).state());
        assertEquals(7001, a.threads().get(0).creation().tid());
        ApcTarget known = a.apcs().get(0);
        assertEquals(7001, known.targetTid());
        assertEquals(7000, known.call().tid());
        assertEquals(0x7ff0_0000_2000L, known.apcRoutine());
        assertEquals(0x77, known.context());
        assertNull(a.apcs().get(1).targetTid());
        assertEquals(List.of(FindingKind.UNKNOWN_HANDLE), TraceScript.kinds(a));
    }

    @Test
    void threadProblemsAreReported() {
        ThreadHandleAnalyzer a = TraceScript.started()
                .call(WPU_OPEN_CURRENT_THREAD, 0, 0x1b0, 0)
                .callWith(WPU_OPEN_CURRENT_THREAD, 0, 0, UpcallEvent.FLAG_OUT_ARG_UNREADABLE, 0, 0)
                .fail(WPU_OPEN_CURRENT_THREAD, 10014, 0, 0)
                .call(WPU_OPEN_CURRENT_THREAD, 0, 0x1c0, 0)
                .call(WPU_CLOSE_THREAD, 0, 0x1c0, 0)
                .fail(WPU_QUEUE_APC, 6, 0x1c0, 0, 1, 2)
                .goodbye()
                .feed(new ThreadHandleAnalyzer());
        // the APC's failure and its use after close are findings of one record: the failure is known at once
        assertEquals(List.of(FindingKind.NULL_OUT_POINTER, FindingKind.CREATE_FAILED,
                FindingKind.UPCALL_FAILED, FindingKind.USED_AFTER_CLOSE, FindingKind.LEAKED), TraceScript.kinds(a));
        assertEquals(List.of(ResourceState.LEAKED, ResourceState.FAILED_CREATION, ResourceState.USED_AFTER_CLOSE),
                a.threads().stream().map(TrackedResource::state).toList());
    }
}
