package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a capture file that a tracer is still writing: each poll reads the bytes added since the last
 * one and feeds them to a {@link TraceDecoder} (a record cut at the current end waits for the rest). The
 * sink gets every record in order on the polling thread; after a poll that read bytes, the batch listener
 * is told how many records it brought, so a view can refresh once per batch. A file that does not exist
 * yet is waited for.
 *
 * <p>Like {@code tail -F}, it follows the name: when the file shrinks, or the name comes to lead to other
 * content (rotated, deleted and created again, rewritten from its start), it reads what is left of the
 * old file, ends that content (a record it cut is reported as a truncated tail), tells the sink with
 * {@link TraceListener#onRestart}, and reads the new content from its start with a new decoder.
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
    private final TraceListener sink;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    private TraceDecoder decoder;
    private FollowedFile followed;
    private long position;
    private int recordsInBatch;
    private volatile boolean stopped;
    private Thread thread;

    public CaptureFollower(Path file, TraceListener sink, BatchListener batches) {
        this.file = file;
        this.batches = batches;
        this.sink = counting(sink);
        this.decoder = new TraceDecoder(file.toString(), this.sink);
    }

    /**
     * Passes everything on and counts the records of a batch. The end of one content (at a restart, or at
     * {@link #finish}) is not the end of the input: whoever follows decides that.
     */
    private TraceListener counting(TraceListener sink) {
        return new ForwardingListener(sink) {
            @Override
            public void onRecord(TraceRecord record, int length) {
                recordsInBatch++;
                super.onRecord(record, length);
            }

            @Override
            public void onEnd() {
            }
        };
    }

    /**
     * Reads what was added since the last poll (after a restart: the new content). Returns the batch, or
     * null when nothing was added (or the file does not exist yet). Call from one thread at a time (or use
     * {@link #start}).
     */
    public Batch poll() throws TraceReadException {
        try {
            if (followed == null && (followed = FollowedFile.open(file)) == null) {
                return null;
            }
            long from = position;
            recordsInBatch = 0;
            FileRestart restart = followed.change(position);
            if (restart == null || restart.change() == FileRestart.Change.REPLACED) {
                readToEnd(); // what was added, or the rest of a file that another one replaced
            }
            if (restart != null) {
                restart(restart);
                from = 0;
            } else if (position == from) {
                return null;
            }
            Batch batch = new Batch(from, position, recordsInBatch);
            batches.onBatch(batch);
            return batch;
        } catch (IOException e) {
            throw TraceReader.cannotRead(file.toString(), e);
        }
    }

    private void readToEnd() throws IOException, TraceReadException {
        int n;
        while ((n = followed.read(buffer.clear(), position)) > 0) {
            decoder.feed(buffer.array(), 0, n);
            position += n;
        }
    }

    /** Ends the old content, then reads the new one from its start. */
    private void restart(FileRestart restart) throws IOException, TraceReadException {
        if (position > 0) {
            decoder.finish();
        }
        sink.onRestart(restart);
        followed.close();
        decoder = new TraceDecoder(file.toString(), sink);
        position = 0;
        followed = FollowedFile.open(file);
        if (followed != null) {
            readToEnd();
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

    /**
     * The capture is complete: reports a truncated tail, if any (no more polls after this). A file that never
     * held a byte is not reported: it may not have been written yet.
     */
    public void finish() throws TraceReadException {
        if (position > 0) {
            decoder.finish();
        }
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
        if (followed != null) {
            followed.close();
        }
    }
}
