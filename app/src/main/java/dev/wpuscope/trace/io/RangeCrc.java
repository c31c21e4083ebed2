package dev.wpuscope.trace.io;

/**
 * CRC-32 (zlib's) of any range of a window of bytes in O(log n), after one O(n) pass over the window.
 * With C(i) the CRC of the window's first i bytes, the CRC of bytes [a, b) is C(b) xor C(a)·x^(8(b-a))
 * mod the CRC polynomial (the CRC is linear; the x^k factor is what zlib's crc32_combine applies).
 * Resync uses it so that testing every byte position of damaged data as a record start stays cheap
 * even when each candidate claims a length of up to 1 MiB.
 */
final class RangeCrc {

    /** The CRC-32 polynomial, bit-reflected (bit 31 is x^0). */
    private static final int POLY = 0xEDB88320;
    private static final int[] TABLE = new int[256];
    /** x^(2^k) mod POLY. */
    private static final int[] X_POW_2K = new int[32];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? POLY ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
        X_POW_2K[0] = 1 << 30;
        for (int k = 1; k < 32; k++) {
            X_POW_2K[k] = multiply(X_POW_2K[k - 1], X_POW_2K[k - 1]);
        }
    }

    private int[] prefix = new int[1024];
    private int from;
    /** End of the indexed window, or -1 when nothing is indexed. */
    private int to = -1;
    private int state;

    /** Forgets the window (its bytes moved or changed). */
    void invalidate() {
        to = -1;
    }

    /**
     * Makes {@code b[start, end)} part of the window: a new window starts at {@code start} when there is
     * none, else the window (whose bytes must be unchanged) grows to {@code end}.
     */
    void cover(byte[] b, int start, int end) {
        if (to < 0) {
            from = start;
            to = start;
            state = 0xFFFF_FFFF;
            prefix[0] = 0;
        }
        if (end <= to) {
            return;
        }
        if (prefix.length < end - from + 1) {
            prefix = java.util.Arrays.copyOf(prefix, Math.max(prefix.length * 2, end - from + 1));
        }
        int s = state;
        for (int i = to; i < end; i++) {
            s = TABLE[(s ^ b[i]) & 0xFF] ^ (s >>> 8);
            prefix[i - from + 1] = ~s;
        }
        state = s;
        to = end;
    }

    /** CRC-32 of {@code b[a, end)}, a range inside the window. */
    int crc(int a, int end) {
        return prefix[end - from] ^ multiply(xPow8n(end - a), prefix[a - from]);
    }

    /** a·b mod POLY, bit-reflected. */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int m = 1 << 31; m != 0; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return product;
    }

    /** x^(8n) mod POLY. */
    private static int xPow8n(int n) {
        int p = 1 << 31;
        for (int k = 3; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                p = multiply(X_POW_2K[k & 31], p);
            }
        }
        return p;
    }
}
