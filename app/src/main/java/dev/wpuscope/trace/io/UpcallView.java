package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;

/** A reusable view over an UPCALL record (§4.4); see {@link CallView}. */
public final class UpcallView extends CallView implements TraceRecord.UpcallFields {

    private static final int CALLER_MODULE = 24;
    private static final int CALLER_ADDRESS = 28;

    /** Where parent_call_id (1.2) is in {@link #bytes}, or -1 when the record ends before it. */
    private int parentAt;

    UpcallView() {
        super(52, 60, 64, 68);
    }

    @Override
    boolean wrapTail(int from, int limit) {
        if (from == limit) {
            parentAt = -1;
            return true;
        }
        parentAt = from;
        return limit - from >= 4;
    }

    @Override
    void deliverTo(CallViewListener listener, int length) {
        listener.onUpcall(this, length);
    }

    @Override
    public TraceRecord.UpcallEvent toRecord() {
        return new TraceRecord.UpcallEvent(offset(), pid(), sequence(), upcallNumber(), tid(), callerModuleId(),
                callerAddress(), startTicks(), durationTicks(), result(), error(), upcallFlags(), argsCopy(), text(),
                parentCallId());
    }

    @Override
    public int upcallNumber() {
        return number();
    }

    @Override
    public int callerModuleId() {
        return LittleEndian.i32(bytes, at + CALLER_MODULE);
    }

    @Override
    public long callerAddress() {
        return LittleEndian.i64(bytes, at + CALLER_ADDRESS);
    }

    @Override
    public int upcallFlags() {
        return flags();
    }

    @Override
    public Integer parentCallId() {
        return parentAt < 0 ? null : LittleEndian.i32(bytes, parentAt);
    }

    @Override
    public int parentCallIdOrZero() {
        return parentAt < 0 ? 0 : LittleEndian.i32(bytes, parentAt);
    }
}
