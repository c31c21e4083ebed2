package dev.wpuscope.catalog.diff;

/** Longest strictly increasing subsequence (patience sorting, O(n log n)). */
final class LongestIncreasing {

    private LongestIncreasing() {
    }

    /** For each index, whether it belongs to one longest strictly increasing subsequence of {@code values}. */
    static boolean[] members(int[] values) {
        int n = values.length;
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tailIndex[mid]] < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            length = Math.max(length, lo + 1);
        }
        boolean[] member = new boolean[n];
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            member[i] = true;
        }
        return member;
    }
}
