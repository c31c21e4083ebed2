package dev.wpuscope.trace.live;

import dev.wpuscope.platform.PipeConnection;
import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.live.Disconnect.Kind;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Serves one client: reads its bytes through a {@link TraceDecoder}, enforces the limits, and hands each
 * batch of complete records to the server. Any problem ends this client only.
 */
final class ClientSession implements TraceListener {

    private static final int READ_SIZE = 64 * 1024;
    private static final double NANOS_PER_SECOND = 1e9;

    /** Where a session's headers and records go (the server, which serializes the listener calls). */
    interface Delivery {
        void deliverHeader(PipeClient client, TraceHeader header);

        void deliver(PipeClient client, List<TraceRecord> records);
    }

    private final PipeClient client;
    private final PipeConnection connection;
    private final PipeClientLimits limits;
    private final LongSupplier nanoClock;
    private final Delivery delivery;
    private final TraceDecoder decoder;
    private final List<TraceRecord> batch = new ArrayList<>();
    private volatile boolean stopped;

    /** Bytes received. */
    private long fed;
    /** When the client last started or completed a header or record. */
    private long lastProgress;
    /** Rate limit: bytes the client may still send now, refilled at the limit per second. */
    private double allowance;
    private long lastRefill;
    /** Bytes of headers and records decoded or skipped as unknown: what the decoder did not treat as damage. */
    private long accounted;
    private boolean headerSeen;
    private long truncatedAt = -1;
    private Damage damage;

    ClientSession(PipeClient client, PipeConnection connection, PipeClientLimits limits, LongSupplier nanoClock,
                  Delivery delivery) {
        this.client = client;
        this.connection = connection;
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.delivery = delivery;
        this.decoder = new TraceDecoder(client.toString(), this);
    }

    PipeClient client() {
        return client;
    }

    /** Serves the client until it leaves, breaks a limit, or {@link #stop} is called; closes the connection. */
    Disconnect serve() {
        try (connection) {
            return pump();
        } catch (TraceReadException e) {
            return new Disconnect(Kind.NOT_A_CAPTURE, e.reason());
        } catch (IOException e) {
            return stopped ? serverClosed() : new Disconnect(Kind.READ_FAILED, "read failed: " + e.getMessage());
        } catch (SinkFailure e) {
            return new Disconnect(Kind.SINK_FAILED, "the listener failed on its records: " + e.getCause());
        } catch (RuntimeException e) {
            return new Disconnect(Kind.INTERNAL_ERROR, "internal error while serving it: " + e);
        }
    }

    /** Makes {@link #serve} return soon; the server closes the connection to wake a blocked read. */
    void stop() {
        stopped = true;
    }

    PipeConnection connection() {
        return connection;
    }

    private Disconnect pump() throws IOException, TraceReadException {
        byte[] buffer = new byte[READ_SIZE];
        lastProgress = nanoClock.getAsLong();
        lastRefill = lastProgress;
        allowance = limits.maxBytesPerSecond();
        while (!stopped) {
            int n = connection.read(buffer, 0, buffer.length, limits.pollInterval());
            long now = nanoClock.getAsLong();
            if (n < 0) {
                return stopped ? serverClosed() : clientClosed();
            }
            Disconnect broken = n > 0 ? take(buffer, n, now) : null;
            if (broken == null) {
                broken = checkStalled(now);
            }
            if (broken != null) {
                return broken;
            }
        }
        return serverClosed();
    }

    /** Charges {@code n} bytes to the rate limit, decodes them and delivers the complete records. */
    private Disconnect take(byte[] buffer, int n, long now) throws TraceReadException {
        allowance = Math.min(limits.maxBytesPerSecond(),
                allowance + (now - lastRefill) * limits.maxBytesPerSecond() / NANOS_PER_SECOND) - n;
        lastRefill = now;
        if (allowance < 0) {
            return new Disconnect(Kind.FLOODING, "sent more than " + limits.maxBytesPerSecond() + " bytes/s");
        }
        long decodedBefore = decoder.decodedUpTo();
        boolean startsNewRecord = fed == decodedBefore;
        decoder.feed(buffer, 0, n);
        fed += n;
        deliverBatch();
        if (startsNewRecord || decoder.decodedUpTo() > decodedBefore) {
            lastProgress = now;
        }
        return checkStream(fed);
    }

    /** A client that has not sent its header, or sits inside a record, for longer than the stall timeout. */
    private Disconnect checkStalled(long now) {
        boolean waiting = !headerSeen || fed > decoder.decodedUpTo();
        if (!waiting || now - lastProgress <= limits.stallTimeout().toNanos()) {
            return null;
        }
        return new Disconnect(Kind.STALLED, headerSeen
                ? "stuck inside a record at byte offset " + decoder.decodedUpTo() + " for "
                        + limits.stallTimeout().toMillis() + " ms"
                : "sent no capture header within " + limits.stallTimeout().toMillis() + " ms");
    }

    private Disconnect checkStream(long fed) {
        if (damage != null || decoder.decodedUpTo() > accounted) {
            long at = damage != null ? damage.offset() : accounted;
            return new Disconnect(Kind.DAMAGED, "damaged data at byte offset " + at);
        }
        long pending = fed - decoder.decodedUpTo();
        if (pending > limits.maxRecordBytes()) {
            return new Disconnect(Kind.RECORD_TOO_LARGE, "a header or record at byte offset "
                    + decoder.decodedUpTo() + " is larger than " + limits.maxRecordBytes() + " bytes");
        }
        return null;
    }

    private Disconnect clientClosed() throws TraceReadException {
        decoder.finish();
        deliverBatch();
        if (truncatedAt >= 0) {
            return new Disconnect(Kind.TRUNCATED, "disconnected inside a record at byte offset " + truncatedAt);
        }
        if (damage != null) {
            return new Disconnect(Kind.DAMAGED, "damaged data at byte offset " + damage.offset());
        }
        return new Disconnect(Kind.CLIENT_CLOSED, "disconnected");
    }

    private static Disconnect serverClosed() {
        return new Disconnect(Kind.SERVER_CLOSED, "server closed");
    }

    private void deliverBatch() {
        if (!batch.isEmpty()) {
            List<TraceRecord> records = List.copyOf(batch);
            batch.clear();
            deliverSafely(() -> delivery.deliver(client, records));
        }
    }

    private static void deliverSafely(Runnable delivering) {
        try {
            delivering.run();
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** The listener threw: this client is dropped, the server and the other clients carry on. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    @Override
    public void onHeader(TraceHeader header) {
        headerSeen = true;
        accounted += header.headerLength();
        deliverBatch();
        deliverSafely(() -> delivery.deliverHeader(client, header));
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        accounted += length;
        batch.add(record);
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        accounted += length;
    }

    @Override
    public void onDamage(Damage damage) {
        if (this.damage == null) {
            this.damage = damage;
        }
    }

    @Override
    public void onTruncated(long offset) {
        truncatedAt = offset;
    }
}
