package dev.wpuscope.trace.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first {@code cap} items added and counts all of them, so an analyzer's memory stays bounded on
 * long captures (every event stays in the event store; the analyzers keep the details worth showing).
 */
final class CappedList<T> {

    /** Items kept of one analyzer-wide list (posted messages, completions, APCs). */
    static final int PER_ANALYZER = 100_000;
    /** Items kept per handle or socket. */
    static final int PER_ITEM = 1000;

    private final int cap;
    private final List<T> kept = new ArrayList<>();
    private long total;

    CappedList(int cap) {
        this.cap = cap;
    }

    void add(T item) {
        total++;
        if (kept.size() < cap) {
            kept.add(item);
        }
    }

    /** The first items, at most the cap, as an immutable copy. */
    List<T> kept() {
        return List.copyOf(kept);
    }

    long total() {
        return total;
    }
}
