package dev.wpuscope.trace.store;

import java.util.Arrays;
import java.util.stream.IntStream;

/** A growable list of primitive ints, e.g. the row indexes a filter selected (in ascending order). */
public final class IntList {

    private int[] values;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    public static IntList of(int... values) {
        return adopting(values.clone());
    }

    /** A list of {@code values}, which becomes the list's own array: the caller must not change it after. */
    static IntList adopting(int[] values) {
        IntList list = new IntList(0);
        list.values = values;
        list.size = values.length;
        return list;
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1) + 1);
        }
        values[size++] = value;
    }

    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public IntStream stream() {
        return Arrays.stream(values, 0, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntList other && Arrays.equals(values, 0, size, other.values, 0, other.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + values[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
