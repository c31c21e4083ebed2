package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;

/** Passes everything a decoder reports to two listeners, the first first: one read feeds both (a store and an analysis). */
public final class TeeListener extends ForwardingListener {

    private final TraceListener second;

    public TeeListener(TraceListener first, TraceListener second) {
        super(first);
        this.second = second;
    }

    @Override
    public void onHeader(TraceHeader header) {
        super.onHeader(header);
        second.onHeader(header);
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        super.onRecord(record, length);
        second.onRecord(record, length);
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        super.onUnknownRecord(offset, type, pid, length);
        second.onUnknownRecord(offset, type, pid, length);
    }

    @Override
    public void onDamage(Damage damage) {
        super.onDamage(damage);
        second.onDamage(damage);
    }

    @Override
    public void onTruncated(long offset) {
        super.onTruncated(offset);
        second.onTruncated(offset);
    }

    @Override
    public void onEndedShort(EndedShort end) {
        super.onEndedShort(end);
        second.onEndedShort(end);
    }

    @Override
    public void onRestart(FileRestart restart) {
        super.onRestart(restart);
        second.onRestart(restart);
    }

    @Override
    public void onEnd() {
        super.onEnd();
        second.onEnd();
    }
}
