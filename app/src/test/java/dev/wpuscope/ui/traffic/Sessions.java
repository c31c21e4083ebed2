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

    /** Feeds {@code capture} to {@code session} {@code slice} bytes at a time, pulling {@code model} after each. */
    static void follow(byte[] capture, int slice, CaptureSession session, TrafficViewModel model)
            throws TraceReadException {
        TraceDecoder decoder = new TraceDecoder("slices", session);
        for (int at = 0; at < capture.length; at += slice) {
            decoder.feed(capture, at, Math.min(slice, capture.length - at));
            model.pull(at);
        }
        decoder.finish();
        model.pull(capture.length);
    }
}
