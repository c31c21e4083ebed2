package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.io.ForwardingListener;
import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.StoreFeed;
import java.util.Arrays;

/**
 * One capture as the Live Traffic view sees it: decoded records go into the columnar {@link EventStore}
 * and through the {@link TraceAnalysis} in one pass (on the reading thread); the view reads rows by number.
 * The store does not keep capture offsets, so this keeps one column of them to link panel rows to events.
 */
public final class CaptureSession extends ForwardingListener implements TrafficEvents {
    private final EventStore store;
    private final TraceAnalysis analysis = new TraceAnalysis();
    private volatile long[] offsets = new long[4096];
    /** Whether other streams feed this session: their offsets overlap, rows are not in offset order. */
    private volatile boolean severalStreams;

    /** A session whose own records (it is their listener) are the main stream, e.g. an opened capture. */
    public CaptureSession(String source) {
        this(new EventStore(), source);
    }

    private CaptureSession(EventStore store, String source) {
        super(new StoreFeed(store, source));
        this.store = store;
    }

    // ---- writing side (the reading thread) ----

    /**
     * Another stream into this session, e.g. one tracer on the pipe: its records go into the same store and
     * analysis, with their ticks converted by the clock of this stream's own header. Streams must not be fed
     * at the same time.
     */
    public TraceListener newStream(String source) {
        severalStreams = true;
        return new Stream(new StoreFeed(store, source));
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        take(record);
        super.onRecord(record, length);
    }

    /** The opened capture was read to its end (a stream of the pipe ending is not the end of the session). */
    @Override
    public void onEnd() {
        super.onEnd();
        analysis.endOfInput();
    }

    /** Notes a record's capture offset (for the panels) and feeds it to the analysis, before the store gets it. */
    private void take(TraceRecord record) {
        if (record instanceof TraceRecord.Call call) {
            int row = store.size();
            if (row == offsets.length) {
                offsets = Arrays.copyOf(offsets, row * 2);
            }
            offsets[row] = call.offset();
        }
        analysis.accept(record);
    }

    /** One more source of records: the capture offsets and the analysis are shared, the clock is the stream's own. */
    private final class Stream extends ForwardingListener {

        Stream(StoreFeed feed) {
            super(feed);
        }

        @Override
        public void onRecord(TraceRecord record, int length) {
            take(record);
            super.onRecord(record, length);
        }

        /** A stream of the pipe ending is not the end of the session. */
        @Override
        public void onEnd() {
        }
    }

    // ---- reading side ----

    @Override
    public EventStore store() {
        return store;
    }

    public TraceAnalysis analysis() {
        return analysis;
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public long offset(int row) {
        return offsets[row];
    }

    /**
     * The row of the call record at capture {@code offset} of process {@code pid}, or -1 when it is not a stored call
     * (a finding about a side record). Offsets ascend with rows within one stream: found by binary search; a session
     * of several streams (the pipe), whose offsets overlap, is searched row by row when that misses.
     */
    public int rowOf(int pid, long offset) {
        int size = store.size();
        long[] known = offsets;
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (known[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int row = lo; row < size && known[row] == offset; row++) {
            if (store.pid(row) == pid) {
                return row;
            }
        }
        for (int row = 0; severalStreams && row < size; row++) {
            if (known[row] == offset && store.pid(row) == pid) {
                return row;
            }
        }
        return -1;
    }

    @Override
    public long filetime(int row) {
        return store.time(row);
    }

    @Override
    public int pid(int row) {
        return store.pid(row);
    }

    @Override
    public int tid(int row) {
        return store.tid(row);
    }

    @Override
    public Upcall upcall(int row) {
        return store.upcall(row);
    }

    @Override
    public int argCount(int row) {
        return store.argCount(row);
    }

    @Override
    public long arg(int row, int index) {
        return store.arg(row, index);
    }

    @Override
    public String text(int row) {
        return store.text(row);
    }

    @Override
    public long result(int row) {
        return store.result(row);
    }

    @Override
    public int error(int row) {
        return store.error(row);
    }

    @Override
    public long durationNanos(int row) {
        return store.duration(row) * 100;
    }

    @Override
    public String processName(int row) {
        return EventText.process(store, row);
    }

    @Override
    public String providerName(int row) {
        return EventText.providerFile(store, row);
    }

    @Override
    public long drops() {
        return analysis.statistics().droppedTotal();
    }
}
