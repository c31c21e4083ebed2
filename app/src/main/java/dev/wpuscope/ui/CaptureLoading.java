package dev.wpuscope.ui;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.traffic.CaptureSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.concurrent.Task;

/**
 * Reads a whole capture into a {@link CaptureSession} in the background, reporting progress; cancellable. The session
 * can be shown while it loads: it grows as a followed capture does, and holds what was read when reading stops.
 */
final class CaptureLoading extends Task<CaptureSession> {
    private static final int READ_SIZE = 1 << 20;

    private final Path file;
    private final CaptureSession session;

    CaptureLoading(Path file) {
        this.file = file;
        this.session = new CaptureSession(file.toString());
    }

    /** The session the capture is read into. */
    CaptureSession session() {
        return session;
    }

    @Override
    protected CaptureSession call() throws Exception {
        TraceDecoder decoder = new TraceDecoder(file.toString(), session);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
            long done = 0;
            int n;
            while ((n = channel.read(buffer.clear())) >= 0) {
                if (isCancelled()) {
                    return null;
                }
                decoder.feed(buffer.array(), 0, n);
                done += n;
                updateProgress(done, Math.max(size, 1));
                updateMessage(String.format("%,d events", session.size()));
            }
        } catch (IOException unreadable) {
            throw new IOException(file + ": cannot read: " + unreadable.getMessage(), unreadable);
        }
        decoder.finish();
        return session;
    }
}
