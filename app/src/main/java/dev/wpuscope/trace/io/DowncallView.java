package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.Arrays;

/** A reusable view over a DOWNCALL record (§4.8, 1.2); see {@link CallView}. */
public final class DowncallView extends CallView implements TraceRecord.DowncallFields {

    private static final int CALL_ID = 24;
    private static final int PARENT = 28;
    private static final int SERVED_ENTRY = 32;
    private static final int SOCKET = 52;
    /** The data of the calls that captured none (most): one empty array for all. */
    private static final byte[] NO_DATA = new byte[0];

    /** Where the captured data is in {@link #bytes}, and how many bytes. */
    private int dataAt;
    private int dataLength;

    DowncallView() {
        super(60, 68, 72, 76);
    }

    @Override
    boolean wrapTail(int from, int limit) {
        if (limit - from < 2) {
            return false;
        }
        dataLength = LittleEndian.u16(bytes, from);
        dataAt = from + 2;
        return limit - dataAt >= dataLength;
    }

    @Override
    void deliverTo(CallViewListener listener, int length) {
        listener.onDowncall(this, length);
    }

    @Override
    public TraceRecord.DowncallEvent toRecord() {
        return new TraceRecord.DowncallEvent(offset(), pid(), sequence(), functionNumber(), tid(), callId(),
                parentCallId(), servedEntryId(), startTicks(), durationTicks(), socket(), result(), error(),
                callFlags(), argsCopy(), text(), data());
    }

    @Override
    public int functionNumber() {
        return number();
    }

    @Override
    public int callId() {
        return LittleEndian.i32(bytes, at + CALL_ID);
    }

    @Override
    public Integer parentCallId() {
        return parentCallIdOrZero();
    }

    @Override
    public int parentCallIdOrZero() {
        return LittleEndian.i32(bytes, at + PARENT);
    }

    @Override
    public int servedEntryId() {
        return LittleEndian.i32(bytes, at + SERVED_ENTRY);
    }

    @Override
    public long socket() {
        return LittleEndian.i64(bytes, at + SOCKET);
    }

    @Override
    public int callFlags() {
        return flags();
    }

    /** The captured bytes, in a new array (an empty one shared when none were captured). */
    @Override
    public byte[] data() {
        return dataLength == 0 ? NO_DATA : Arrays.copyOfRange(bytes, dataAt, dataAt + dataLength);
    }
}
