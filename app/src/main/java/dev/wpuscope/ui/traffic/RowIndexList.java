package dev.wpuscope.ui.traffic;

import java.util.AbstractList;
import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The table's items: row numbers of the event store, in a growable {@code int[]}. Appending a batch
 * fires one ranged change, so the table does one layout pass per frame however many events arrived.
 * The rows are ascending in capture order; a sorted table holds them in the sort's order instead.
 */
public final class RowIndexList extends ObservableListBase<Integer> {
    private int[] rows = new int[1024];
    private int size;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows[index];
    }

    /** The row number at {@code index}, unboxed. */
    public int rowAt(int index) {
        return rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends {@code count} row numbers from {@code batch} as one change. */
    public void appendAll(int[] batch, int count) {
        if (count == 0) {
            return;
        }
        if (size + count > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, size + count));
        }
        System.arraycopy(batch, 0, rows, size, count);
        int from = size;
        size += count;
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** Says whether row {@code a} sorts before row {@code b}. */
    @FunctionalInterface
    public interface Ordering {
        boolean before(int a, int b);
    }

    /**
     * Inserts the first {@code k} of {@code extra} (already in {@code order}) where they belong among the
     * rows (which are in that order too), as one change of several ranges. Each insertion point is found by
     * binary search, so only {@code k log n} rows are compared.
     */
    public void mergeIn(int[] extra, int k, Ordering order) {
        if (k == 0) {
            return;
        }
        int[] merged = new int[Math.max(rows.length, size + k)];
        beginChange();
        int from = 0;
        int o = 0;
        for (int j = 0; j < k; j++) {
            int at = insertionPoint(extra[j], from, order);
            System.arraycopy(rows, from, merged, o, at - from);
            o += at - from;
            from = at;
            nextAdd(o, o + 1);
            merged[o++] = extra[j];
        }
        System.arraycopy(rows, from, merged, o, size - from);
        rows = merged;
        size += k;
        endChange();
    }

    /** The first index at or after {@code from} whose row {@code row} sorts before ({@link #size()} if none). */
    private int insertionPoint(int row, int from, Ordering order) {
        int lo = from;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.before(row, rows[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Inserts {@code count} row numbers from {@code lines} before {@code index} as one change. */
    public void insertAt(int index, int[] lines, int count) {
        if (count == 0) {
            return;
        }
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException(index);
        }
        if (size + count > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, size + count));
        }
        System.arraycopy(rows, index, rows, index + count, size - index);
        System.arraycopy(lines, 0, rows, index, count);
        size += count;
        beginChange();
        nextAdd(index, index + count);
        endChange();
    }

    /** Removes the rows at {@code [from, to)} as one change. */
    public void removeRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + size);
        }
        if (from == to) {
            return;
        }
        int[] removed = Arrays.copyOfRange(rows, from, to);
        System.arraycopy(rows, to, rows, from, size - to);
        size -= to - from;
        beginChange();
        nextRemove(from, Arrays.stream(removed).boxed().toList());
        endChange();
    }

    /** Replaces every row by {@code newRows} (a new order): one removal, then one addition. */
    public void replaceAll(int[] newRows) {
        removeAllRows();
        appendAll(newRows, newRows.length);
    }

    /** Removes everything as one change. */
    public void removeAllRows() {
        if (size == 0) {
            return;
        }
        int[] old = rows;
        int oldSize = size;
        rows = new int[1024];
        size = 0;
        beginChange();
        nextRemove(0, new AbstractList<Integer>() {
            @Override
            public Integer get(int index) {
                return old[index];
            }

            @Override
            public int size() {
                return oldSize;
            }
        });
        endChange();
    }

    /** A copy of the row numbers, in order. */
    public int[] rowNumbers() {
        return Arrays.copyOf(rows, size);
    }
}
