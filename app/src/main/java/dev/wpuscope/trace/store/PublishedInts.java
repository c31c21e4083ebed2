package dev.wpuscope.trace.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * An append-only int list written by one thread and read by many: a reader sees every value up to the
 * size it reads (the array is replaced, never changed below the published size). The size is published with a release
 * store after the value is written: a reader's volatile read of it sees the value, and the writer pays no fence.
 */
final class PublishedInts {

    private static final VarHandle SIZE = ReleasedInt.field(MethodHandles.lookup(), "size");

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
        SIZE.setRelease(this, n + 1);
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
