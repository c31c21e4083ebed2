package dev.wpuscope.trace.store;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** An append-only list written by one thread and read by many (see {@link PublishedInts}). */
final class PublishedList<T> {

    private volatile Object[] values = new Object[8];
    private volatile int size;

    /** Writer only; returns the new element's index. */
    int add(T value) {
        int n = size;
        Object[] v = values;
        if (n == v.length) {
            v = Arrays.copyOf(v, n * 2);
            values = v;
        }
        v[n] = value;
        size = n + 1;
        return n;
    }

    /** Writer only: replaces element {@code i} (an immutable value, so readers see the old or the new one). */
    void set(int i, T value) {
        values[i] = value;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T get(int i) {
        return (T) values[i];
    }

    /** An unmodifiable view of the elements published so far. */
    List<T> snapshot() {
        int n = size;
        Object[] v = values;
        return new Snapshot<>(v, n);
    }

    private static final class Snapshot<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] values;
        private final int size;

        Snapshot(Object[] values, int size) {
            this.values = values;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            if (index >= size) {
                throw new IndexOutOfBoundsException(index + " >= " + size);
            }
            return (T) values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
