package dev.wpuscope.trace.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * An analyzer-wide list (findings, posted messages, completions, APCs): keeps the first {@value #CAP} items added and
 * counts all of them, so an analyzer's memory stays bounded on long captures (every event stays in the event store;
 * the analyzers keep the details worth showing).
 */
final class CappedList<T> {

    static final int CAP = 100_000;

    private final List<T> kept = new ArrayList<>();
    private long total;

    void add(T item) {
        total++;
        if (kept.size() < CAP) {
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
