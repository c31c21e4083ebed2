package dev.wpuscope.trace.store;

/**
 * A chunk column of longs that are mostly small but now and then far from the rest (durations: a blocking call;
 * results: a handle): 16 bits a row, and the rare value that does not fit in them kept aside with its row, so one
 * outlier costs 12 bytes and not a wider column. One writer, many readers.
 */
final class NarrowColumn {

    /** Marks a row whose value is kept aside. */
    private static final short ASIDE = Short.MIN_VALUE;

    private final short[] values = new short[EventChunk.ROWS];
    /** The rows kept aside, ascending, and their values' high and low 32 bits (added before the row). */
    private final PublishedInts asideRows = new PublishedInts();
    private final PublishedInts asideHigh = new PublishedInts();
    private final PublishedInts asideLow = new PublishedInts();

    /** Writer only; rows ascend. */
    void set(int i, long value) {
        if (value == (short) value && value != ASIDE) {
            values[i] = (short) value;
            return;
        }
        values[i] = ASIDE;
        asideHigh.add((int) (value >>> 32));
        asideLow.add((int) value);
        asideRows.add(i);
    }

    long get(int i) {
        short value = values[i];
        if (value != ASIDE) {
            return value;
        }
        int k = asideRows.lowerBound(i, asideRows.size());
        return (long) asideHigh.get(k) << 32 | asideLow.get(k) & 0xFFFF_FFFFL;
    }

    /** How many rows are kept aside. */
    int asideCount() {
        return asideRows.size();
    }
}
