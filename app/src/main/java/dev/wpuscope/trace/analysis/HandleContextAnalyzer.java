package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import dev.wpuscope.trace.model.TraceRecord.ProcessGoodbye;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;

/**
 * Socket handle contexts: creation by WPUCreateSocketHandle or WPUModifyIFSHandle, each
 * WPUQuerySocketHandleContext, WPUCloseSocketHandle, and the lifecycle state of every handle generation.
 */
public final class HandleContextAnalyzer extends UpcallAnalyzer {

    private final ResourceTracker handles = newTracker(ResourceKind.SOCKET_HANDLE);

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        switch (event.upcall()) {
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> {
                if (event.failed()) {
                    handles.failedCreation(event, provider);
                } else {
                    handles.created(event, event.result(), provider,
                            event.upcall() == Upcall.WPU_CREATE_SOCKET_HANDLE);
                }
            }
            case WPU_QUERY_SOCKET_HANDLE_CONTEXT -> query(event, provider);
            case WPU_CLOSE_SOCKET_HANDLE -> handles.closed(event, event.arg(0), provider);
            default -> {
            }
        }
    }

    /** A socket the application handed to the provider (a socket value the trace never created is its own). */
    @Override
    protected void onDowncall(DowncallEvent event, String provider) {
        if (event.function().hasSocket()) {
            handles.given(event, event.socket());
        }
    }

    private void query(UpcallEvent event, String provider) {
        long handle = event.arg(0);
        UpcallEvent creation = handles.used(event, handle, provider);
        if (outArgUnreadable(event)) {
            reportNullOutPointer(event, provider, "context");
        } else if (!event.failed() && event.argWritten(1) && creation != null
                && creation.upcall() == Upcall.WPU_CREATE_SOCKET_HANDLE
                && creation.arg(1) != event.arg(1)) {
            report(Severity.ERROR, FindingKind.CONTEXT_MISMATCH, event, provider,
                    "socket handle " + Hex.of(handle) + " queried as context " + Hex.of(event.arg(1))
                            + " but was created with " + Hex.of(creation.arg(1)) + " at offset "
                            + creation.offset());
        }
    }

    @Override
    protected void onLoadSessionStart(ProcessHello hello) {
        handles.loadSessionStarted(hello.pid());
    }

    @Override
    protected void onLoadSessionEnd(ProcessGoodbye goodbye) {
        handles.loadSessionEnded(goodbye);
    }

    /** Every socket handle generation seen so far, in the order first seen. */
    public synchronized List<SocketHandle> handles() {
        return handles.snapshot().stream().map(SocketHandle::of).toList();
    }
}
