package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;

/** One WPUCompleteOverlappedRequest: which socket and OVERLAPPED, the completion's error and byte count. */
public record OverlappedCompletion(UpcallEvent call, String provider) {

    public long socket() {
        return call.arg(0);
    }

    public long overlapped() {
        return call.arg(1);
    }

    /** The dwError delivered to the application (0 = success). */
    public int completionError() {
        return (int) call.arg(2);
    }

    public long bytesTransferred() {
        return call.arg(3) & 0xFFFF_FFFFL;
    }
}
