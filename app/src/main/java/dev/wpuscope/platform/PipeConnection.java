package dev.wpuscope.platform;

import java.io.IOException;
import java.time.Duration;

/** One connected client of a {@link PipeTransport}; the server only reads. */
public interface PipeConnection extends AutoCloseable {

    /**
     * Reads what is available, waiting up to {@code timeout} for the first byte.
     *
     * @return bytes read (at most {@code length}), 0 when nothing arrived in time, -1 when the client is gone
     * @throws IOException when reading failed (the connection is then unusable)
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /** Who is connected, for messages: e.g. {@code pipe client pid 4242}. */
    String describe();

    /** Disconnects the client; a concurrent {@link #read} returns -1 or throws soon after. */
    @Override
    void close() throws IOException;
}
