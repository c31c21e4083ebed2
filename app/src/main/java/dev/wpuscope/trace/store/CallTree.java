package dev.wpuscope.trace.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Rows of an {@link EventStore} in nesting order, for a table that indents what ran inside a call: each call comes
 * before the rows that ran inside it (its {@link EventStore#children}, recursively), each with its depth. Top-level
 * rows keep their store order. A row whose parent is not among the rows given (or has not arrived yet) is top-level.
 * Two primitive lists, no object per row: {@link #row(int)} and {@link #depth(int)} for line {@code i}.
 *
 * <p>For a JavaFX tree or indented table: build it from the rows an {@link EventQuery} selected (ascending) when the
 * selection changes; a line's indent is {@link #depth(int)}; {@link EventStore#parentPending(int)} says a top-level
 * row still waits for the call it ran inside.
 */
public final class CallTree {

    private final IntList rows = new IntList();
    private final IntList depths = new IntList();

    private CallTree() {
    }

    /** The nesting order of {@code selected} (rows ascending, below the store's size). */
    public static CallTree of(EventStore store, IntList selected) {
        BitSet chosen = new BitSet();
        for (int i = 0; i < selected.size(); i++) {
            chosen.set(selected.get(i));
        }
        CallTree tree = new CallTree();
        for (int i = 0; i < selected.size(); i++) {
            int row = selected.get(i);
            int parent = store.parentRow(row);
            if (parent == EventStore.NO_ROW || !chosen.get(parent)) {
                tree.add(store, chosen, row, 0);
            }
        }
        return tree;
    }

    /**
     * The nesting order of {@code selected} (rows ascending, below the store's size) with the top-level rows in start
     * time order (ties in store order), for a timeline: a call's record is written when it returns, so a long call
     * started first is stored after the short ones other threads made meanwhile. Rows inside a call stay in their
     * store order (one thread's, started in that order).
     */
    public static CallTree inStartOrder(EventStore store, IntList selected) {
        CallTree byRecord = of(store, selected);
        List<Integer> tops = new ArrayList<>();
        for (int i = 0; i < byRecord.size(); i++) {
            if (byRecord.depth(i) == 0) {
                tops.add(i);
            }
        }
        tops.sort(Comparator.comparingLong((Integer line) -> store.time(byRecord.row(line)))
                .thenComparingInt(byRecord::row));
        CallTree tree = new CallTree();
        for (int top : tops) {
            int end = top + 1;
            while (end < byRecord.size() && byRecord.depth(end) > 0) {
                end++;
            }
            for (int line = top; line < end; line++) {
                tree.rows.add(byRecord.row(line));
                tree.depths.add(byRecord.depth(line));
            }
        }
        return tree;
    }

    /** Every row in {@code [0, size)} in nesting order. */
    public static CallTree all(EventStore store, int size) {
        IntList every = new IntList(size);
        for (int row = 0; row < size; row++) {
            every.add(row);
        }
        return of(store, every);
    }

    private void add(EventStore store, BitSet chosen, int row, int depth) {
        rows.add(row);
        depths.add(depth);
        IntList children = store.children(row);
        for (int k = 0; k < children.size(); k++) {
            if (chosen.get(children.get(k))) {
                add(store, chosen, children.get(k), depth + 1);
            }
        }
    }

    /** Number of lines. */
    public int size() {
        return rows.size();
    }

    /** The store row of line {@code i}. */
    public int row(int i) {
        return rows.get(i);
    }

    /** How deep line {@code i} is indented: 0 at top level. */
    public int depth(int i) {
        return depths.get(i);
    }

    /** The store rows in line order. */
    public IntList rows() {
        return rows;
    }
}
