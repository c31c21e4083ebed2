package dev.wpuscope.ui.traffic;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Orders row numbers by a primitive key per row; ties keep capture order (ascending row number) in both
 * directions. Sorting packs each row's key rank and row number into one {@code long} and sorts those, so
 * a million rows sort without boxing.
 */
final class RowSorter {

    private RowSorter() {
    }

    /** The first {@code n} of {@code rows}, sorted. */
    static int[] sorted(int[] rows, int n, IntToLongFunction key, boolean descending) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key.applyAsLong(rows[i]);
        }
        long[] distinct = Arrays.copyOf(keys, n);
        Arrays.parallelSort(distinct);
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = Arrays.binarySearch(distinct, keys[i]);
            packed[i] = ((descending ? n - rank : rank) << 32) | (rows[i] & 0xFFFF_FFFFL);
        }
        Arrays.parallelSort(packed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) packed[i];
        }
        return out;
    }

    /** Whether row {@code a} sorts before row {@code b}. */
    static boolean before(int a, int b, IntToLongFunction key, boolean descending) {
        int byKey = Long.compare(key.applyAsLong(a), key.applyAsLong(b));
        if (byKey != 0) {
            return descending ? byKey > 0 : byKey < 0;
        }
        return a < b;
    }
}
