package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a capture file that a tracer is still writing: each poll reads the bytes added since the last
 * one and feeds them to a {@link TraceDecoder} (a record cut at the current end waits for the rest). The
 * sink gets every record in order on the polling thread; after a poll that read bytes, the batch listener
 * is told how many records it brought, so a view can refresh once per batch. A file that does not exist
 * yet is waited for.
 */
public final class CaptureFollower implements Closeable {

    /** What one poll brought: the byte range read and the number of records decoded from it. */
    public record Batch(long fromOffset, long toOffset, int records) {
    }

    public interface BatchListener {
        void onBatch(Batch batch);

        /** Following stopped: the file is not a capture, is of a newer major version, or cannot be read. */
        default void onError(TraceReadException error) {
        }
    }

    private static final int READ_SIZE = 256 * 1024;

    private final Path file;
    private final BatchListener batches;
    private final TraceDecoder decoder;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    private FileChannel channel;
    private long position;
    private int recordsInBatch;
    private volatile boolean stopped;
    private Thread thread;

    public CaptureFollower(Path file, TraceListener sink, BatchListener batches) {
        this.file = file;
        this.batches = batches;
        this.decoder = new TraceDecoder(file.toString(), counting(sink));
    }

    private TraceListener counting(TraceListener sink) {
        return new TraceListener() {
            @Override
            public void onHeader(TraceHeader header) {
                sink.onHeader(header);
            }

            @Override
            public void onRecord(TraceRecord record, int length) {
                recordsInBatch++;
                sink.onRecord(record, length);
            }

            @Override
            public void onUnknownRecord(long offset, int type, int pid, int length) {
                sink.onUnknownRecord(offset, type, pid, length);
            }

            @Override
            public void onDamage(Damage damage) {
                sink.onDamage(damage);
            }

            @Override
            public void onTruncated(long offset) {
                sink.onTruncated(offset);
            }
        };
    }

    /**
     * Reads what was added since the last poll. Returns the batch, or null when nothing was added (or the
     * file does not exist yet). Call from one thread at a time (or use {@link #start}).
     */
    public Batch poll() throws TraceReadException {
        try {
            if (channel == null) {
                if (!Files.exists(file)) {
                    return null;
                }
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            long from = position;
            recordsInBatch = 0;
            int n;
            while ((n = channel.read(buffer.clear(), position)) > 0) {
                decoder.feed(buffer.array(), 0, n);
                position += n;
            }
            if (position == from) {
                return null;
            }
            Batch batch = new Batch(from, position, recordsInBatch);
            batches.onBatch(batch);
            return batch;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw TraceReader.cannotRead(file.toString(), e);
        }
    }

    /** Polls on a daemon thread every {@code interval} until {@link #close} or an error. */
    public synchronized void start(Duration interval) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(() -> run(interval), "follow " + file.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration interval) {
        try {
            while (!stopped) {
                if (poll() == null) {
                    LockSupport.parkNanos(interval.toNanos());
                }
            }
        } catch (TraceReadException e) {
            batches.onError(e);
        }
    }

    /** The capture is complete: reports a truncated tail, if any (no more polls after this). */
    public void finish() throws TraceReadException {
        decoder.finish();
    }

    /** Bytes read so far. */
    public long position() {
        return position;
    }

    /** Stops the polling thread (waiting for it) and closes the file. */
    @Override
    public void close() throws IOException {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (channel != null) {
            channel.close();
        }
    }
}
