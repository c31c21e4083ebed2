package dev.wpuscope.trace.store;

/**
 * A chunk column of longs that vary little from row to row (start times, interned ids, sequence numbers): each value
 * is kept as its difference from a prediction, the first row's value plus {@code step} per row, in the narrowest of
 * byte, short, int and long that every row so far fits. A value that does not fit widens the whole column (a copy;
 * at most three per chunk), so no value is ever lost and a column whose values stay close costs one byte a row.
 * One writer, many readers: a widened copy is published before the rows written into it.
 */
final class WideningColumn {

    private final long step;
    /** The first row's value: written with row 0, before any reader may read a row. */
    private long first;
    /** A byte[], short[], int[] or long[] of {@link EventChunk#ROWS} differences; replaced when widened. */
    private volatile Object differences = new byte[EventChunk.ROWS];

    /** @param step how much the prediction grows per row (1 for sequence numbers, 0 for the rest) */
    WideningColumn(long step) {
        this.step = step;
    }

    /** Writer only: the value of row {@code i}; rows are set in order from 0. */
    void set(int i, long value) {
        if (i == 0) {
            first = value;
        }
        long difference = value - predicted(i); // wraps for far values; get() wraps back
        Object column = differences;
        if (column instanceof byte[] b && difference == (byte) difference) { // the common case first
            b[i] = (byte) difference;
            return;
        }
        if (!fits(column, difference)) {
            column = widened(column, i, difference);
            differences = column;
        }
        put(column, i, difference);
    }

    long get(int i) {
        Object column = differences;
        long difference = column instanceof byte[] b ? b[i]
                : column instanceof short[] s ? s[i]
                : column instanceof int[] n ? n[i]
                : ((long[]) column)[i];
        return predicted(i) + difference;
    }

    /** How many bytes a row takes now: 1, 2, 4 or 8. */
    int bytesPerRow() {
        Object column = differences;
        return column instanceof byte[] ? 1 : column instanceof short[] ? 2 : column instanceof int[] ? 4 : 8;
    }

    private long predicted(int i) {
        return first + step * i;
    }

    private static boolean fits(Object column, long difference) {
        return column instanceof long[]
                || column instanceof int[] && difference == (int) difference
                || column instanceof short[] && difference == (short) difference
                || column instanceof byte[] && difference == (byte) difference;
    }

    /** A copy of rows {@code [0, rows)} in the narrowest width that also holds {@code difference}. */
    private Object widened(Object column, int rows, long difference) {
        Object wider = difference == (short) difference ? new short[EventChunk.ROWS]
                : difference == (int) difference ? new int[EventChunk.ROWS]
                : new long[EventChunk.ROWS];
        for (int i = 0; i < rows; i++) {
            put(wider, i, get(i) - predicted(i));
        }
        return wider;
    }

    private static void put(Object column, int i, long difference) {
        if (column instanceof byte[] b) {
            b[i] = (byte) difference;
        } else if (column instanceof short[] s) {
            s[i] = (short) difference;
        } else if (column instanceof int[] n) {
            n[i] = (int) difference;
        } else {
            ((long[]) column)[i] = difference;
        }
    }
}
