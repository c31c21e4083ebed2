package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Thread handles: WPUOpenCurrentThread / WPUCloseThread pairing and leaks, and the targets of WPUQueueApc. */
public final class ThreadHandleAnalyzer extends UpcallAnalyzer {

    private final ResourceTracker threads = newTracker(ResourceKind.THREAD_HANDLE);
    private final CappedList<ApcTarget> apcs = new CappedList<>();
    /** Per process, the latest downcall with a completion routine: ws2_32 gave the provider a WSATHREADID in it. */
    private final Map<Integer, DowncallEvent> routineCalls = new HashMap<>();

    {
        threads.outsideOrigin(this::threadIdOrigin);
    }

    /**
     * A provider gets a thread handle from WPUOpenCurrentThread or in the WSATHREADID that ws2_32 passes with an
     * overlapped call's completion routine: a handle WPUQueueApc uses that the trace never opened is the latter when
     * such a call came before, or when the APC is queued inside a call (format 1.2).
     */
    private String threadIdOrigin(UpcallEvent use) {
        if (use.upcall() != Upcall.WPU_QUEUE_APC) {
            return null;
        }
        DowncallEvent call = routineCalls.get(use.pid());
        if (call != null) {
            return "is the WSATHREADID ws2_32 passes with a completion routine (" + call.function().apiName()
                    + " at offset " + call.offset() + "), not one WPUOpenCurrentThread made";
        }
        return use.parentCallIdOrZero() != 0 ? "is the WSATHREADID ws2_32 passed with the call it runs in, not one"
                + " WPUOpenCurrentThread made" : null;
    }

    @Override
    protected void onDowncall(DowncallEvent event, String provider) {
        int routine = event.function().completionRoutineIndex();
        if (routine >= 0 && event.arg(routine) != 0) {
            routineCalls.put(event.pid(), event);
        }
    }

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        switch (event.upcall()) {
            case WPU_OPEN_CURRENT_THREAD -> {
                if (event.failed()) {
                    threads.failedCreation(event, provider);
                } else if (outArgUnreadable(event)) {
                    reportNullOutPointer(event, provider, "WSATHREADID");
                } else if (event.argWritten(0)) {
                    threads.created(event, event.arg(0), provider, true);
                }
            }
            case WPU_QUEUE_APC -> {
                UpcallEvent open = threads.used(event, event.arg(0), provider);
                apcs.add(new ApcTarget(event, provider, open));
                if (event.failed()) {
                    reportFailure(event, provider, "to thread handle " + Hex.of(event.arg(0)));
                }
            }
            case WPU_CLOSE_THREAD -> threads.closed(event, event.arg(0), provider);
            default -> {
            }
        }
    }

    @Override
    protected void onLoadSessionStart(ProcessHello hello) {
        threads.loadSessionStarted(hello.pid());
        routineCalls.remove(hello.pid());
    }

    @Override
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
        threads.loadSessionEnded(goodbye);
        routineCalls.remove(goodbye.pid());
    }

    /** Every thread handle generation; its creation's tid is the thread it refers to, uses are its APCs. */
    public synchronized List<TrackedResource> threads() {
        return threads.snapshot();
    }

    /** The WPUQueueApc calls in order: the first 100,000 ({@link #apcCount} counts all). */
    public synchronized List<ApcTarget> apcs() {
        return apcs.kept();
    }

    public synchronized long apcCount() {
        return apcs.total();
    }
}
