package dev.wpuscope.platform;

import java.io.IOException;
import java.time.Duration;

/**
 * The server end of a byte-stream pipe that many tracer clients connect to: on Windows a named pipe
 * (platform.windows), in tests an in-memory one.
 */
public interface PipeTransport extends AutoCloseable {

    /**
     * Waits up to {@code timeout} for the next client.
     *
     * @return the connection, or {@code null} when no client connected in time
     * @throws IOException when the transport failed or was closed
     */
    PipeConnection accept(Duration timeout) throws IOException;

    /** Stops accepting; a waiting {@link #accept} returns or throws soon after. Connections stay open. */
    @Override
    void close() throws IOException;
}
