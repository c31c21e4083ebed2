package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.EndedShort;
import dev.wpuscope.trace.io.FileRestart;
import dev.wpuscope.trace.io.ForwardingListener;
import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.model.TraceHeader;
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
public final class CaptureSession implements TrafficEvents, TraceListener {
    private final EventStore store = new EventStore();
    private final TraceAnalysis analysis = new TraceAnalysis();
    private volatile long[] offsets = new long[4096];
    private final TraceListener main;

    public CaptureSession(String source) {
        this.main = newStream(source);
    }

    // ---- writing side (the reading thread) ----

    /**
     * Another stream into this session, e.g. one tracer on the pipe: its records go into the same store and
     * analysis, with their ticks converted by the clock of this stream's own header. Streams must not be fed
     * at the same time.
     */
    public TraceListener newStream(String source) {
        return new Stream(new StoreFeed(store, source));
    }

    @Override
    public void onHeader(TraceHeader header) {
        main.onHeader(header);
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        main.onRecord(record, length);
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        main.onUnknownRecord(offset, type, pid, length);
    }

    @Override
    public void onDamage(Damage damage) {
        main.onDamage(damage);
    }

    @Override
    public void onTruncated(long offset) {
        main.onTruncated(offset);
    }

    @Override
    public void onEndedShort(EndedShort end) {
        main.onEndedShort(end);
    }

    @Override
    public void onRestart(FileRestart restart) {
        main.onRestart(restart);
    }

    /** The opened capture was read to its end (a stream of the pipe ending is not the end of the session). */
    @Override
    public void onEnd() {
        analysis.endOfInput();
    }

    /** One source of records: the capture offsets and the analysis are shared, the clock is the stream's own. */
    private final class Stream extends ForwardingListener {

        Stream(StoreFeed feed) {
            super(feed);
        }

        @Override
        public void onRecord(TraceRecord record, int length) {
            if (record instanceof TraceRecord.UpcallEvent upcall) {
                int row = store.size();
                if (row == offsets.length) {
                    offsets = Arrays.copyOf(offsets, row * 2);
                }
                offsets[row] = upcall.offset();
            }
            analysis.accept(record);
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
