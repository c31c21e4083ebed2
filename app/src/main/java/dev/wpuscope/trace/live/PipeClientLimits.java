package dev.wpuscope.trace.live;

import java.time.Duration;

/**
 * What one tracer client of the pipe server may do before it is cut off.
 *
 * @param maxClients        clients served at once; more are disconnected at once
 * @param maxBytesPerSecond sustained rate, with a burst of one second's worth
 * @param maxRecordBytes    bytes a client may have pending in an unfinished header or record
 * @param stallTimeout      how long a client may take to send its capture header, or sit inside an unfinished
 *                          record; a tracer that is quiet between records is never cut off
 * @param pollInterval      how long one read or accept waits before the server checks its timers and stop flag
 */
public record PipeClientLimits(int maxClients, long maxBytesPerSecond, int maxRecordBytes, Duration stallTimeout,
                               Duration pollInterval) {

    public PipeClientLimits {
        if (maxClients < 1 || maxBytesPerSecond < 1 || maxRecordBytes < 64 || stallTimeout.isNegative()
                || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("invalid pipe client limits: " + maxClients + " clients, "
                    + maxBytesPerSecond + " B/s, " + maxRecordBytes + " B, " + stallTimeout + ", " + pollInterval);
        }
    }

    /** 64 clients, 64 MiB/s each, records up to the format's 1 MiB, 10 s stall timeout, 200 ms polls. */
    public static PipeClientLimits defaults() {
        return new PipeClientLimits(64, 64L << 20, (1 << 20) + 64, Duration.ofSeconds(10), Duration.ofMillis(200));
    }
}
