package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;

/** A listener that passes everything on to another; subclasses override what they add to. */
public abstract class ForwardingListener implements TraceListener {

    private final TraceListener target;

    protected ForwardingListener(TraceListener target) {
        this.target = target;
    }

    @Override
    public void onHeader(TraceHeader header) {
        target.onHeader(header);
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        target.onRecord(record, length);
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        target.onUnknownRecord(offset, type, pid, length);
    }

    @Override
    public void onDamage(Damage damage) {
        target.onDamage(damage);
    }

    @Override
    public void onTruncated(long offset) {
        target.onTruncated(offset);
    }

    @Override
    public void onEndedShort(EndedShort end) {
        target.onEndedShort(end);
    }

    @Override
    public void onRestart(FileRestart restart) {
        target.onRestart(restart);
    }

    @Override
    public void onEnd() {
        target.onEnd();
    }
}
