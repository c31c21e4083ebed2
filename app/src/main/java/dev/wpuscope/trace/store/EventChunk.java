package dev.wpuscope.trace.store;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@value #ROWS} rows of the event store as primitive columns. Durations and results are kept as ints;
 * the rare value that does not fit is kept aside. Arguments are packed one after the other (upcall rows have
 * 0 to 4 of them, downcall rows up to 12), with the start of every 16th row's arguments noted. The columns of
 * trace format 1.2 (call ids, nesting, sockets of downcalls) are allocated with the chunk's first 1.2 row.
 */
final class EventChunk {

    static final int SHIFT = 16;
    static final int ROWS = 1 << SHIFT;
    static final int MASK = ROWS - 1;
    private static final int ARG_BLOCK_SHIFT = 4;
    private static final int WIDE = Integer.MIN_VALUE;
    private static final int DURATION = 0;
    private static final int RESULT = 1;

    final long[] time = new long[ROWS];
    final int[] site = new int[ROWS];
    final int[] sequence = new int[ROWS];
    /** Whether the row is an upcall or a downcall ({@link RowKind#ordinal()}). */
    final byte[] kind = new byte[ROWS];
    /** The upcall number of an upcall row, the function number of a downcall row. */
    final short[] number = new short[ROWS];
    final byte[] flags = new byte[ROWS];
    final byte[] argCount = new byte[ROWS];
    private final int[] duration = new int[ROWS];
    private final int[] result = new int[ROWS];
    private final int[] argBlockStart = new int[ROWS >> ARG_BLOCK_SHIFT];
    private volatile long[] args = new long[ROWS];
    private int argsUsed;
    private final ConcurrentHashMap<Integer, Long> wide = new ConcurrentHashMap<>();
    /** The 1.2 columns, null until the chunk's first row that has them. */
    private volatile CallColumns calls;

    /** Writer only: fills row {@code i} (rows are filled in order). */
    void set(int i, RowKind kind, long time, int site, int sequence, int number, int flags, long duration,
             long result, long[] args, int argCount) {
        this.time[i] = time;
        this.site[i] = site;
        this.sequence[i] = sequence;
        this.kind[i] = (byte) kind.ordinal();
        this.number[i] = (short) number;
        this.flags[i] = (byte) flags;
        this.duration[i] = compact(i, DURATION, duration);
        this.result[i] = compact(i, RESULT, result);
        if ((i & ((1 << ARG_BLOCK_SHIFT) - 1)) == 0) {
            argBlockStart[i >> ARG_BLOCK_SHIFT] = argsUsed;
        }
        long[] a = this.args;
        if (a.length - argsUsed < argCount) {
            a = Arrays.copyOf(a, Math.max(a.length + (a.length >> 1), argsUsed + argCount));
            this.args = a;
        }
        System.arraycopy(args, 0, a, argsUsed, argCount);
        argsUsed += argCount;
        this.argCount[i] = (byte) argCount;
        if (i == MASK) {
            this.args = Arrays.copyOf(a, argsUsed);
        }
    }

    /** Writer only: the 1.2 columns, allocated on first use. */
    CallColumns callsForWriting() {
        CallColumns c = calls;
        if (c == null) {
            c = new CallColumns();
            calls = c;
        }
        return c;
    }

    /** The 1.2 columns, or null when no row of the chunk has them. */
    CallColumns calls() {
        return calls;
    }

    private int compact(int row, int column, long value) {
        if (value != (int) value || value == WIDE) {
            wide.put(row << 1 | column, value);
            return WIDE;
        }
        return (int) value;
    }

    private long widen(int row, int column, int value) {
        return value == WIDE ? wide.get(row << 1 | column) : value;
    }

    long duration(int i) {
        return widen(i, DURATION, duration[i]);
    }

    long result(int i) {
        return widen(i, RESULT, result[i]);
    }

    int argCount(int i) {
        return argCount[i] & 0xFF;
    }

    /** Argument {@code k} of row {@code i}, or 0 when the row has fewer. */
    long arg(int i, int k) {
        return k >= argCount(i) ? 0 : args[argStart(i) + k];
    }

    /** Copies the first {@code n} arguments of row {@code i} into {@code into}, 0 for those the row lacks. */
    void copyArgs(int i, long[] into, int n) {
        int have = Math.min(n, argCount(i));
        if (have > 0) {
            System.arraycopy(args, argStart(i), into, 0, have);
        }
        Arrays.fill(into, have, n, 0);
    }

    /** Where row {@code i}'s arguments start in {@link #args}: after those of the rows before it in its block. */
    private int argStart(int i) {
        int at = argBlockStart[i >> ARG_BLOCK_SHIFT];
        for (int j = i & ~((1 << ARG_BLOCK_SHIFT) - 1); j < i; j++) {
            at += argCount(j);
        }
        return at;
    }
}
