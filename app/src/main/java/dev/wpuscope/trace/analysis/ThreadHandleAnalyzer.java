package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;

/** Thread handles: WPUOpenCurrentThread / WPUCloseThread pairing and leaks, and the targets of WPUQueueApc. */
public final class ThreadHandleAnalyzer extends UpcallAnalyzer {

    private final ResourceTracker threads = newTracker(ResourceKind.THREAD_HANDLE);
    private final CappedList<ApcTarget> apcs = new CappedList<>(CappedList.PER_ANALYZER);

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
    }

    @Override
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
        threads.loadSessionEnded(goodbye);
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
