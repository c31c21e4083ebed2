package dev.wpuscope.trace.store;

import java.util.function.LongPredicate;

/**
 * A map from long keys to int values without boxing: open addressing with linear probing, removal by shifting the
 * following entries back (no tombstones). For the store's writer, which looks one up per row; not thread-safe.
 */
final class LongIntMap {

    /** The value {@link #get}, {@link #put} and {@link #remove} answer for a key that is not there. */
    static final int ABSENT = Integer.MIN_VALUE;

    private long[] keys = new long[16];
    private int[] values = new int[16];
    private boolean[] used = new boolean[16];
    private int size;

    int size() {
        return size;
    }

    int get(long key) {
        int slot = find(key);
        return used[slot] ? values[slot] : ABSENT;
    }

    /** Sets the key's value; returns the value it had, or {@link #ABSENT}. */
    int put(long key, int value) {
        int slot = find(key);
        if (used[slot]) {
            int old = values[slot];
            values[slot] = value;
            return old;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return ABSENT;
    }

    /** Removes the key; returns the value it had, or {@link #ABSENT}. */
    int remove(long key) {
        int slot = find(key);
        if (!used[slot]) {
            return ABSENT;
        }
        int old = values[slot];
        removeAt(slot);
        return old;
    }

    /** Removes every key {@code doomed} accepts. */
    void removeKeys(LongPredicate doomed) {
        for (int slot = 0; slot < keys.length; ) {
            if (used[slot] && doomed.test(keys[slot])) {
                removeAt(slot); // the slot now holds a later entry, or is free: look at it again
            } else {
                slot++;
            }
        }
    }

    /** The slot of the key, or the free slot where it would go. */
    private int find(long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (used[slot] && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    /** Frees a slot, moving back each later entry of the run that would no longer be found past the hole. */
    private void removeAt(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        for (int next = hole + 1 & mask; used[next]; next = next + 1 & mask) {
            int home = hash(keys[next]) & mask;
            boolean reachableWithoutHole = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!reachableWithoutHole) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        used[hole] = false;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }
}
