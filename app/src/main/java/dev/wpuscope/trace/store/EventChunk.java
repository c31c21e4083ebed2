package dev.wpuscope.trace.store;

/**
 * {@value #ROWS} rows of the event store as primitive columns, each as narrow as its values allow without losing
 * one: start times, call sites and sequence numbers as differences from the chunk's first row in the narrowest
 * width every row fits ({@link WideningColumn}: mostly 4, 1 and 1 bytes); durations and results in 16 bits with the
 * rare value that does not fit kept aside ({@link NarrowColumn}); arguments as variable-length numbers
 * ({@link PackedArgs}). The columns of trace format 1.2 (call ids, nesting, sockets of downcalls) are allocated
 * with the chunk's first 1.2 row.
 */
final class EventChunk {

    static final int SHIFT = 16;
    static final int ROWS = 1 << SHIFT;
    static final int MASK = ROWS - 1;

    /** FILETIME of the call's start. */
    private final WideningColumn time = new WideningColumn(0);
    private final WideningColumn site = new WideningColumn(0);
    /** Sequence numbers mostly grow by one a row. */
    private final WideningColumn sequence = new WideningColumn(1);
    /** Whether the row is an upcall or a downcall ({@link RowKind#ordinal()}). */
    final byte[] kind = new byte[ROWS];
    /** The upcall number of an upcall row, the function number of a downcall row. */
    final short[] number = new short[ROWS];
    final byte[] flags = new byte[ROWS];
    private final NarrowColumn duration = new NarrowColumn();
    private final NarrowColumn result = new NarrowColumn();
    private final PackedArgs args = new PackedArgs();
    /** The 1.2 columns, null until the chunk's first row that has them. */
    private volatile CallColumns calls;

    /** Writer only: fills row {@code i} (rows are filled in order). */
    void set(int i, RowKind kind, long time, int site, int sequence, int number, int flags, long duration,
             long result, long[] args, int argCount) {
        this.time.set(i, time);
        this.site.set(i, site);
        this.sequence.set(i, sequence);
        this.kind[i] = (byte) kind.ordinal();
        this.number[i] = (short) number;
        this.flags[i] = (byte) flags;
        this.duration.set(i, duration);
        this.result.set(i, result);
        this.args.add(i, args, argCount);
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

    long time(int i) {
        return time.get(i);
    }

    int site(int i) {
        return (int) site.get(i);
    }

    int sequence(int i) {
        return (int) sequence.get(i);
    }

    long duration(int i) {
        return duration.get(i);
    }

    long result(int i) {
        return result.get(i);
    }

    int argCount(int i) {
        return args.count(i);
    }

    /** Argument {@code k} of row {@code i}, or 0 when the row has fewer. */
    long arg(int i, int k) {
        return args.arg(i, k);
    }

    PackedArgs args() {
        return args;
    }
}
