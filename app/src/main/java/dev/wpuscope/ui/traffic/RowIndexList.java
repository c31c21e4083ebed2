package dev.wpuscope.ui.traffic;

import java.util.AbstractList;
import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The table's items: row numbers of the event store, in a growable {@code int[]}. Appending a batch
 * fires one ranged change, so the table does one layout pass per frame however many events arrived.
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

    /** The index of {@code row} in this list (binary search: rows are ascending), or -1. */
    public int indexOfRow(int row) {
        int found = Arrays.binarySearch(rows, 0, size, row);
        return found >= 0 ? found : -1;
    }
}
