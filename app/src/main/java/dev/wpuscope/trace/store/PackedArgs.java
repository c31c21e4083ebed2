package dev.wpuscope.trace.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** Eight bytes read at once: the bytes end with that many unused ones, so the last number is read so too. */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

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
        int needed = used + 1 + n * MAX_BYTES + Long.BYTES;
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
            bytes = Arrays.copyOf(b, used + Long.BYTES);
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
        return decode(b, skipNumbers(b, rowStart(b, i) + 1, k));
    }

    /** Reads the first {@code n} arguments of row {@code i} into the cursor, 0 for those the row lacks. */
    void read(int i, int n, ArgCursor cursor) {
        byte[] b = bytes;
        boolean follows = cursor.args == this && cursor.row < i && cursor.row >> BLOCK_SHIFT == i >> BLOCK_SHIFT;
        int row = follows ? rowAt(b, cursor.end, cursor.row + 1, i) : rowStart(b, i);
        int have = Math.min(n, count(i));
        int at = row + 1;
        for (int k = 0; k < have; k++) {
            long word = (long) WORD.get(b, at);
            long lastBytes = ~word & HIGH_BITS;
            if (lastBytes != 0) { // the number ends within these eight bytes
                int length = (Long.numberOfTrailingZeros(lastBytes) >>> 3) + 1;
                cursor.values[k] = unzigzag(gathered(word & -1L >>> 64 - 8 * length));
                at += length;
            } else {
                cursor.values[k] = decode(b, at);
                at = skipNumbers(b, at, 1);
            }
        }
        Arrays.fill(cursor.values, have, n, 0);
        cursor.args = this;
        cursor.row = i;
        cursor.end = rowAt(b, row, i, i + 1);
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

    /** The 7-bit groups of up to eight bytes of a number, put together. */
    private static long gathered(long word) {
        long x = word & ~HIGH_BITS;
        x = x & 0x007F_007F_007F_007FL | (x & 0x7F00_7F00_7F00_7F00L) >>> 1;
        x = x & 0x0000_3FFF_0000_3FFFL | (x & 0x3FFF_0000_3FFF_0000L) >>> 2;
        return x & 0x0FFF_FFFFL | (x & 0x0FFF_FFFF_0000_0000L) >>> 4;
    }

    private static long unzigzag(long v) {
        return v >>> 1 ^ -(v & 1);
    }

    private static long decode(byte[] b, int at) {
        long v = 0;
        int shift = 0;
        byte x;
        do {
            x = b[at++];
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while (x < 0);
        return unzigzag(v);
    }
}
