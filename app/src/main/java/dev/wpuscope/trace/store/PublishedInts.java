package dev.wpuscope.trace.store;

import java.util.Arrays;

/**
 * An append-only int list written by one thread and read by many: a reader sees every value up to the
 * size it reads (the array is replaced, never changed below the published size).
 */
final class PublishedInts {

    private volatile int[] values = new int[8];
    private volatile int size;

    /** Writer only. */
    void add(int value) {
        int n = size;
        int[] v = values;
        if (n == v.length) {
            v = Arrays.copyOf(v, n + (n >> 1) + 1);
            values = v;
        }
        v[n] = value;
        size = n + 1;
    }

    int size() {
        return size;
    }

    /** Value {@code i} of a size read before ({@code i < size()}). */
    int get(int i) {
        return values[i];
    }

    /**
     * Index of the first value {@code >= key} among the first {@code n} (values ascending), or {@code n}.
     */
    int lowerBound(int key, int n) {
        int[] v = values;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
