package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.IntList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the rows of the event store go in the Live Traffic table when it shows them in capture order: each call
 * before what ran inside it (trace format §4 type 8, "Nesting"). A downcall's record is written when the call
 * returns, after the upcalls it made, so a nested row is held back when the scan reaches it and placed right after
 * its outermost call when the scan reaches that call's record (in pre-order: a call, then each thing that ran inside
 * it, recursively). A row whose call has not arrived {@link #HOLD_NANOS} after the scan met it (the call still runs,
 * or its record was dropped) is placed at top level where the scan is then.
 *
 * <p>A collapsed call keeps the rows nested in it out of the table ({@link #toggle} takes them out, and puts them back
 * when it is expanded), also when the filter changes. A row's indent is the number of calls it ran inside that the table has ({@link #depth}): with a filter
 * that hides a call, what ran inside it moves up a level.
 *
 * <p>No object per row: bit sets over row numbers and the short list of held rows. One thread (the FX thread).
 */
final class CallNesting {
    /** How long a nested row waits for its call's record before it is shown without it. */
    static final long HOLD_NANOS = 1_000_000_000L;
    /** The root of a row whose chain of calls has one that has not arrived. */
    private static final int ROOT_PENDING = -1;

    private final EventStore store;
    /** Downcalls and nested rows the table has (shown, or hidden under a collapsed call). */
    private final BitSet placed = new BitSet();
    /**
     * Rows that passed the filter and wait to be placed: nested rows until their outermost call arrives, a downcall
     * until its tree is placed. Placing a row sets its bit in {@link #placed} and leaves this one: clearing the
     * highest bit of a BitSet rescans it down to the next set bit, which made placing a million rows quadratic.
     */
    private final BitSet held = new BitSet();
    /** Nested rows placed at top level because their call did not arrive in time. */
    private final BitSet released = new BitSet();
    private final Set<Integer> collapsed = new HashSet<>();
    private int[] heldRows = new int[64];
    private long[] heldSince = new long[64];
    private int heldCount;

    CallNesting(EventStore store) {
        this.store = store;
    }

    /** Forgets every placement (a new filter); collapsed calls stay collapsed. */
    void reset() {
        placed.clear();
        held.clear();
        released.clear();
        heldCount = 0;
    }

    /**
     * Scans rows {@code [from, to)}, of which {@code matched[0..count)} (ascending) passed the filter, and appends to
     * {@code lines} the rows the table gains, in table order: top-level rows with what ran inside them, and held rows
     * whose wait is over.
     */
    void place(int from, int to, int[] matched, int count, long nowNanos, IntList lines) {
        int m = 0;
        for (int row = from; row < to; row++) {
            boolean match = m < count && matched[m] == row;
            if (match) {
                m++;
            }
            if (store.parentCallId(row) != 0) {
                if (match) {
                    hold(row, nowNanos);
                }
            } else if (store.isDowncall(row)) {
                if (match) {
                    held.set(row);
                }
                placeTree(row, false, lines);
            } else if (match) {
                lines.add(row);
            }
        }
        releaseHeld(to, nowNanos, lines);
    }

    private void hold(int row, long nowNanos) {
        held.set(row);
        if (heldCount == heldRows.length) {
            heldRows = Arrays.copyOf(heldRows, heldCount * 2);
            heldSince = Arrays.copyOf(heldSince, heldCount * 2);
        }
        heldRows[heldCount] = row;
        heldSince[heldCount++] = nowNanos;
    }

    /** Places {@code row} if it waits to be, then what ran inside it; {@code hidden}: under a collapsed call. */
    private void placeTree(int row, boolean hidden, IntList lines) {
        if (isHeld(row)) {
            placed.set(row);
            if (!hidden) {
                lines.add(row);
            }
        }
        if (!store.hasChildren(row)) {
            return;
        }
        IntList children = store.children(row);
        boolean hideChildren = hidden || hidesNested(row);
        for (int k = 0; k < children.size(); k++) {
            placeTree(children.get(k), hideChildren, lines);
        }
    }

    /**
     * Drops the held rows placed meanwhile; places at top level those whose call has not arrived for
     * {@link #HOLD_NANOS}, and those whose outermost call the scan passed without placing them.
     */
    private void releaseHeld(int scannedTo, long nowNanos, IntList lines) {
        int kept = 0;
        for (int i = 0; i < heldCount; i++) {
            int row = heldRows[i];
            if (!isHeld(row)) {
                continue;
            }
            int root = root(row);
            boolean late = root == ROOT_PENDING ? nowNanos - heldSince[i] >= HOLD_NANOS : root < scannedTo;
            if (late) {
                released.set(row);
                placeTree(row, false, lines);
            } else {
                heldRows[kept] = row;
                heldSince[kept++] = heldSince[i];
            }
        }
        heldCount = kept;
    }

    /** Whether {@code row} passed the filter and waits to be placed. */
    private boolean isHeld(int row) {
        return held.get(row) && !placed.get(row);
    }

    /** The outermost call {@code row} ran inside (itself when top-level), or {@link #ROOT_PENDING}. */
    private int root(int row) {
        int r = row;
        while (store.parentCallId(r) != 0) {
            int parent = store.parentRow(r);
            if (parent == EventStore.NO_ROW) {
                return ROOT_PENDING;
            }
            r = parent;
        }
        return r;
    }

    /** How many calls the table has that {@code row} ran inside, up to one placed at top level. */
    int depth(int row) {
        int depth = 0;
        for (int r = row; !released.get(r) && store.parentCallId(r) != 0; ) {
            r = store.parentRow(r);
            if (r == EventStore.NO_ROW) {
                break;
            }
            if (placed.get(r)) {
                depth++;
            }
        }
        return depth;
    }

    /** Whether {@code row} ran inside call {@code call} (directly or deeper), as the table places it. */
    private boolean isInside(int row, int call) {
        for (int r = row; !released.get(r) && store.parentCallId(r) != 0; ) {
            r = store.parentRow(r);
            if (r == call) {
                return true;
            }
            if (r == EventStore.NO_ROW) {
                return false;
            }
        }
        return false;
    }

    /** Whether the table has rows that ran inside call {@code row}. */
    boolean hasNested(int row) {
        if (!store.hasChildren(row)) {
            return false;
        }
        IntList children = store.children(row);
        for (int k = 0; k < children.size(); k++) {
            if (placed.get(children.get(k)) && !released.get(children.get(k)) || hasNested(children.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the table has call {@code row}, collapsed: what ran inside it is not shown. */
    private boolean hidesNested(int row) {
        return placed.get(row) && collapsed.contains(row);
    }

    boolean isCollapsed(int row) {
        return collapsed.contains(row);
    }

    /**
     * Collapses the call at {@code index} of the table's {@code lines} (removes the lines nested in it, one change),
     * or expands it (puts them back after it).
     */
    void toggle(RowIndexList lines, int index) {
        int row = lines.rowAt(index);
        if (collapsed.remove(row)) {
            IntList nested = shownDescendants(row);
            lines.insertAt(index + 1, nested.toArray(), nested.size());
            return;
        }
        int end = index + 1;
        while (end < lines.size() && isInside(lines.rowAt(end), row)) {
            end++;
        }
        collapsed.add(row);
        lines.removeRange(index + 1, end);
    }

    /** The rows nested in call {@code row} that the table shows when it is expanded, in table order. */
    private IntList shownDescendants(int row) {
        IntList lines = new IntList();
        addShownChildren(row, lines);
        return lines;
    }

    private void addShownChildren(int row, IntList lines) {
        if (!store.hasChildren(row)) {
            return;
        }
        IntList children = store.children(row);
        for (int k = 0; k < children.size(); k++) {
            int child = children.get(k);
            if (placed.get(child) && !released.get(child)) {
                lines.add(child);
            }
            if (!hidesNested(child)) {
                addShownChildren(child, lines);
            }
        }
    }

    /** The rows that passed the filter but the table does not show: held ones and those under collapsed calls. */
    IntList unshown() {
        IntList rows = new IntList();
        for (int i = 0; i < heldCount; i++) {
            if (isHeld(heldRows[i])) {
                rows.add(heldRows[i]);
            }
        }
        for (int call : collapsed) {
            if (hidesNested(call)) {
                addPlacedDescendants(call, rows);
            }
        }
        return IntList.of(rows.stream().sorted().distinct().toArray());
    }

    private void addPlacedDescendants(int row, IntList rows) {
        IntList children = store.children(row);
        for (int k = 0; k < children.size(); k++) {
            int child = children.get(k);
            if (placed.get(child) && !released.get(child)) {
                rows.add(child);
            }
            if (store.hasChildren(child)) {
                addPlacedDescendants(child, rows);
            }
        }
    }
}
