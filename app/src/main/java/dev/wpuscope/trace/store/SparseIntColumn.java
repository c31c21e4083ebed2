package dev.wpuscope.trace.store;

/**
 * An int per row that is 0 for most rows (error codes, text ids): only the other rows are kept, in
 * ascending row order. One writer, many readers.
 */
final class SparseIntColumn {

    private final PublishedInts values = new PublishedInts();
    private final PublishedInts rows = new PublishedInts();

    /** Writer only; rows must ascend. A 0 value is not stored. */
    void set(int row, int value) {
        if (value != 0) {
            values.add(value);
            rows.add(row);
        }
    }

    int get(int row) {
        int n = rows.size();
        int i = rows.lowerBound(row, n);
        return i < n && rows.get(i) == row ? values.get(i) : 0;
    }

    /** Number of non-zero entries published. */
    int count() {
        return rows.size();
    }

    /** Index of the first entry whose row is {@code row} or later ({@link #count()} when none). */
    int firstAtOrAfter(int row) {
        return rows.lowerBound(row, rows.size());
    }

    int rowAt(int i) {
        return rows.get(i);
    }

    int valueAt(int i) {
        return values.get(i);
    }
}
