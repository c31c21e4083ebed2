package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.io.TraceReadException;

/** Decodes capture bytes into a {@link CaptureSession}, optionally in slices (as a follower would). */
final class Sessions {

    private Sessions() {
    }

    static CaptureSession of(byte[] capture) throws TraceReadException {
        CaptureSession session = new CaptureSession("test");
        TraceDecoder decoder = new TraceDecoder("test", session);
        decoder.feed(capture, 0, capture.length);
        decoder.finish();
        return session;
    }
}
