package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;
import java.nio.charset.StandardCharsets;

/**
 * A reusable view over the bytes of one UPCALL or DOWNCALL record (trace format §4), valid only while the listener
 * that receives it runs: each field is read from the record's bytes when asked, so a {@link CallViewListener} takes
 * every call without an object per record. {@link #toRecord} makes the record object.
 *
 * <p>Both kinds start alike (sequence, number, arg_count, tid, ..., start and duration at the same places); result,
 * error and flags sit at offsets of their own, then come the arguments and the text, then a tail per kind.
 */
public abstract sealed class CallView implements TraceRecord.CallFields permits UpcallView, DowncallView {

    private static final int SEQUENCE = 12;
    private static final int NUMBER = 16;
    private static final int ARG_COUNT = 18;
    private static final int TID = 20;
    private static final int START = 36;
    private static final int DURATION = 44;
    /** Argument arrays up to this length are kept and refilled for each record. */
    private static final int KEPT_ARG_ARRAYS = 16;

    private final int resultAt;
    private final int errorAt;
    private final int flagsAt;
    /** Where the arguments start: the fixed fields end there. */
    private final int argsAt;
    private final long[][] argArrays = new long[KEPT_ARG_ARRAYS][];

    byte[] bytes;
    /** Where the record starts in {@link #bytes}. */
    int at;
    private long offset;
    private int argCount;
    private int textAt;
    private int textLength;

    CallView(int resultAt, int errorAt, int flagsAt, int argsAt) {
        this.resultAt = resultAt;
        this.errorAt = errorAt;
        this.flagsAt = flagsAt;
        this.argsAt = argsAt;
        for (int n = 0; n < KEPT_ARG_ARRAYS; n++) {
            argArrays[n] = new long[n];
        }
    }

    /**
     * Shows the record {@code b[at, at + length)} (CRC already checked) found at capture {@code offset}; false when
     * its payload is too short for its fields (damage), as {@link RecordParser} says for the other types.
     */
    final boolean wrap(byte[] b, int at, int length, long offset) {
        int limit = at + length - 4;
        if (limit - at < argsAt) {
            return false;
        }
        bytes = b;
        this.at = at;
        this.offset = offset;
        argCount = LittleEndian.u16(b, at + ARG_COUNT);
        int textLengthAt = at + argsAt;
        if ((limit - textLengthAt - 2) >> 3 < argCount) {
            return false;
        }
        textLengthAt += argCount * 8;
        textLength = LittleEndian.u16(b, textLengthAt);
        textAt = textLengthAt + 2;
        return limit - textAt >= textLength && wrapTail(textAt + textLength, limit);
    }

    /** Reads the fields after the text, which end at {@code limit}; false when they run past it. */
    abstract boolean wrapTail(int from, int limit);

    /** Passes this view to the listener's method for its kind. */
    abstract void deliverTo(CallViewListener listener, int length);

    /** The record object: its arrays and strings are the record's own. */
    public abstract TraceRecord.Call toRecord();

    /** Byte offset of the record in the capture. */
    public final long offset() {
        return offset;
    }

    @Override
    public final int pid() {
        return LittleEndian.i32(bytes, at + 8);
    }

    @Override
    public final int sequence() {
        return LittleEndian.i32(bytes, at + SEQUENCE);
    }

    /** The upcall number of an upcall, the function number of a downcall. */
    final int number() {
        return LittleEndian.u16(bytes, at + NUMBER);
    }

    @Override
    public final int tid() {
        return LittleEndian.i32(bytes, at + TID);
    }

    @Override
    public final long startTicks() {
        return LittleEndian.i64(bytes, at + START);
    }

    @Override
    public final long durationTicks() {
        return LittleEndian.i64(bytes, at + DURATION);
    }

    @Override
    public final long result() {
        return LittleEndian.i64(bytes, at + resultAt);
    }

    @Override
    public final int error() {
        return LittleEndian.i32(bytes, at + errorAt);
    }

    /** The upcall_flags of an upcall, the call_flags of a downcall. */
    final int flags() {
        return LittleEndian.i32(bytes, at + flagsAt);
    }

    public final int argCount() {
        return argCount;
    }

    @Override
    public final long arg(int i) {
        return i < argCount ? LittleEndian.i64(bytes, at + argsAt + i * 8) : 0;
    }

    /** The arguments in an array this view reuses for the next record of as many arguments. */
    @Override
    public final long[] args() {
        return fillArgs(argCount < KEPT_ARG_ARRAYS ? argArrays[argCount] : new long[argCount]);
    }

    /** The arguments in a new array. */
    final long[] argsCopy() {
        return fillArgs(new long[argCount]);
    }

    private long[] fillArgs(long[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = LittleEndian.i64(bytes, at + argsAt + i * 8);
        }
        return into;
    }

    @Override
    public final String text() {
        return textLength == 0 ? "" : new String(bytes, textAt, textLength, StandardCharsets.UTF_8);
    }
}
