package dev.wpuscope.trace.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The capture offsets of one handle generation's uses or closes: the first {@value #CAP} kept, all
 * counted. An analyzer keeps where such events are, not the events: the capture and its store have them, and a
 * record object per use would make the analysis of a long capture hold most of its records.
 */
final class CappedOffsets {

    static final int CAP = 1000;
    private static final long[] NONE = new long[0];

    private long[] kept = NONE;
    private int size;
    private long total;

    void add(long offset) {
        total++;
        if (size == CAP) {
            return;
        }
        if (size == kept.length) {
            kept = Arrays.copyOf(kept, Math.min(CAP, Math.max(2, size * 2)));
        }
        kept[size++] = offset;
    }

    /** The kept offsets, in the order added, as an immutable list. */
    List<Long> kept() {
        return Arrays.stream(kept, 0, size).boxed().toList();
    }

    long total() {
        return total;
    }
}
