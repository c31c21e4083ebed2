package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;

/** Event objects: WPUCreateEvent, WPUSetEvent, WPUResetEvent, WPUCloseEvent, and leaks. */
public final class EventObjectAnalyzer extends UpcallAnalyzer {

    private final ResourceTracker events = newTracker(ResourceKind.EVENT);

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        switch (event.upcall()) {
            case WPU_CREATE_EVENT -> {
                if (event.failed()) {
                    events.failedCreation(event, provider);
                } else {
                    events.created(event, event.result(), provider, true);
                }
            }
            case WPU_SET_EVENT, WPU_RESET_EVENT -> {
                events.used(event, event.arg(0), provider);
                if (event.failed()) {
                    reportFailure(event, provider, "of event " + Hex.of(event.arg(0)));
                }
            }
            case WPU_CLOSE_EVENT -> events.closed(event, event.arg(0), provider);
            default -> {
            }
        }
    }

    /** The event an application handed to WSPEventSelect or WSPEnumNetworkEvents (made with WSACreateEvent). */
    @Override
    protected void onDowncall(DowncallEvent event, String provider) {
        switch (event.function()) {
            case WSP_EVENT_SELECT, WSP_ENUM_NETWORK_EVENTS -> {
                if (event.arg(0) != 0) {
                    events.given(event, event.arg(0));
                }
            }
            default -> {
            }
        }
    }

    @Override
    protected void onLoadSessionStart(ProcessHello hello) {
        events.loadSessionStarted(hello.pid());
    }

    @Override
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
        events.loadSessionEnded(goodbye);
    }

    /** Every event generation seen so far; uses are its WPUSetEvent / WPUResetEvent calls. */
    public synchronized List<TrackedResource> events() {
        return events.snapshot();
    }
}
