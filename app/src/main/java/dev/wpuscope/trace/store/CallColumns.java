package dev.wpuscope.trace.store;

import java.util.Arrays;

/**
 * The columns of one chunk that only trace format 1.2 fills: a downcall's call id, served catalog entry and socket,
 * and every row's nesting (the parent call id it names, the parent's row once that has arrived, and the sibling
 * and child links that let a call list what ran inside it). A chunk allocates them when its first 1.2 row arrives,
 * so a 1.0 or 1.1 capture costs nothing for them.
 */
final class CallColumns {

    /** No row: no parent, no sibling, no child. */
    static final int NONE = -1;

    final int[] callId = new int[EventChunk.ROWS];
    final int[] parentCallId = new int[EventChunk.ROWS];
    /** The parent's row, {@link #NONE} while it has not arrived (or when the row has no parent). */
    final int[] parentRow = filled();
    /** The row of the previous child of the same parent (in arrival order), or {@link #NONE}. */
    final int[] previousSibling = filled();
    /** A call's last child (in arrival order), or {@link #NONE}. */
    final int[] lastChild = filled();
    final int[] servedEntryId = new int[EventChunk.ROWS];
    final long[] socket = new long[EventChunk.ROWS];

    private static int[] filled() {
        int[] column = new int[EventChunk.ROWS];
        Arrays.fill(column, NONE);
        return column;
    }

}
