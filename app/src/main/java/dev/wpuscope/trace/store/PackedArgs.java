package dev.wpuscope.trace.store;

import java.util.Arrays;

/**
 * The arguments of a chunk's rows, packed one after the other as variable-length numbers: 7 bits a byte, the sign
 * folded into the lowest bit (zigzag), so a small handle or count takes one or two bytes and a 64-bit pointer six to
 * ten. Each row's numbers follow a byte giving their length ({@value #LONG_ROW}: a row of that many bytes or more,
 * whose numbers are counted to skip it), and each row's count is kept (upcalls have 0 to 4 arguments, downcalls up
 * to 12). Where every {@value #BLOCK}th row starts is noted: a row is found by skipping the rows before it in its
 * block. One writer, many readers: a grown copy of the bytes is published before the rows written into it.
 */
final class PackedArgs {

    private static final int BLOCK_SHIFT = 3;
    private static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int LONG_ROW = 0xFF;
    /** The most bytes one number takes. */
    private static final int MAX_BYTES = 10;

    private final byte[] count = new byte[EventChunk.ROWS];
    private final int[] blockStart = new int[EventChunk.ROWS >> BLOCK_SHIFT];
    private volatile byte[] bytes = new byte[EventChunk.ROWS * 4];
    private int used;

    /** Writer only: the first {@code n} of {@code args} are row {@code i}'s; rows are added in order from 0. */
    void add(int i, long[] args, int n) {
        if ((i & (BLOCK - 1)) == 0) {
            blockStart[i >> BLOCK_SHIFT] = used;
        }
        byte[] b = bytes;
        int needed = used + 1 + n * MAX_BYTES;
        if (b.length < needed) {
            b = Arrays.copyOf(b, Math.max(b.length + (b.length >> 1), needed));
            bytes = b;
        }
        int at = used + 1;
        for (int k = 0; k < n; k++) {
            long v = args[k] << 1 ^ args[k] >> 63;
            if (v < 0x80 && v >= 0) { // one byte: the common case first
                b[at++] = (byte) v;
                continue;
            }
            while ((v & ~0x7FL) != 0) {
                b[at++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            b[at++] = (byte) v;
        }
        b[used] = (byte) Math.min(at - used - 1, LONG_ROW);
        used = at;
        count[i] = (byte) n;
        if (i == EventChunk.MASK) {
            bytes = Arrays.copyOf(b, used);
        }
    }

    int count(int i) {
        return count[i] & 0xFF;
    }

    /** Argument {@code k} of row {@code i}, or 0 when the row has fewer. */
    long arg(int i, int k) {
        if (k >= count(i)) {
            return 0;
        }
        byte[] b = bytes;
        long[] value = new long[1];
        decode(b, skipNumbers(b, rowStart(b, i) + 1, k), value, 0);
        return value[0];
    }

    /** Reads the first {@code n} arguments of row {@code i} into the cursor, 0 for those the row lacks. */
    void read(int i, int n, ArgCursor cursor) {
        byte[] b = bytes;
        boolean follows = cursor.args == this && cursor.row < i && cursor.row >> BLOCK_SHIFT == i >> BLOCK_SHIFT;
        int row = follows ? rowAt(b, cursor.end, cursor.row + 1, i) : rowStart(b, i);
        int have = Math.min(n, count(i));
        long[] into = cursor.values;
        int at = row + 1;
        for (int k = 0; k < have; k++) {
            at = decode(b, at, into, k);
        }
        for (int k = have; k < n; k++) {
            into[k] = 0;
        }
        int length = b[row] & 0xFF;
        cursor.args = this;
        cursor.row = i;
        cursor.end = length < LONG_ROW ? row + 1 + length : rowAt(b, row, i, i + 1);
    }

    /** Where row {@code i} starts (its length byte): after the rows before it in its block. */
    private int rowStart(byte[] b, int i) {
        return rowAt(b, blockStart[i >> BLOCK_SHIFT], i & ~(BLOCK - 1), i);
    }

    /** Where row {@code to} starts (its length byte), given that row {@code from} starts at {@code at}. */
    private int rowAt(byte[] b, int at, int from, int to) {
        int position = at;
        for (int j = from; j < to; j++) {
            int length = b[position] & 0xFF;
            position = length < LONG_ROW ? position + 1 + length : skipNumbers(b, position + 1, count(j));
        }
        return position;
    }

    /** Where the number after the {@code n} numbers at {@code at} starts. */
    private static int skipNumbers(byte[] b, int at, int n) {
        int left = n;
        int i = at;
        while (left > 0) {
            left -= 1 + (b[i++] >> 7); // b >> 7 is -1 for a byte the number goes on after, 0 for its last
        }
        return i;
    }

    /** Decodes the number at {@code at} into {@code into[k]}; returns where the next number starts. */
    private static int decode(byte[] b, int at, long[] into, int k) {
        long v = 0;
        int shift = 0;
        int i = at;
        byte x;
        do {
            x = b[i++];
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while (x < 0);
        into[k] = v >>> 1 ^ -(v & 1);
        return i;
    }
}
