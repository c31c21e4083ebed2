package dev.wpuscope.trace.store;

import java.util.Arrays;

/**
 * The bytes downcalls captured (trace format 1.2 {@code data}, off unless the tracer was configured to capture):
 * packed one after the other in blocks, with each row's start and length in sparse columns, so a captured buffer
 * costs its bytes and no object. One writer, many readers.
 */
final class CapturedData {

    private static final int BLOCK_SHIFT = 20;
    private static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;

    private volatile byte[][] blocks = new byte[0][];
    private int used = BLOCK_SIZE;
    private final SparseIntColumn starts = new SparseIntColumn();
    private final SparseIntColumn lengths = new SparseIntColumn();

    /** Writer only; rows ascend. Nothing is kept for empty data. */
    void add(int row, byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[][] b = blocks;
        if (BLOCK_SIZE - used < data.length) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = new byte[BLOCK_SIZE];
            blocks = b;
            used = 0;
        }
        System.arraycopy(data, 0, b[b.length - 1], used, data.length);
        starts.set(row, (b.length - 1) << BLOCK_SHIFT | used); // 0 (the very first bytes) reads back as 0
        lengths.set(row, data.length);
        used += data.length;
    }

    /** Whether the row captured any bytes. */
    boolean has(int row) {
        return lengths.get(row) != 0;
    }

    /** The row's captured bytes (empty when none). */
    byte[] get(int row) {
        int length = lengths.get(row);
        if (length == 0) {
            return new byte[0];
        }
        int start = starts.get(row);
        int from = start & (BLOCK_SIZE - 1);
        return Arrays.copyOfRange(blocks[start >>> BLOCK_SHIFT], from, from + length);
    }
}
