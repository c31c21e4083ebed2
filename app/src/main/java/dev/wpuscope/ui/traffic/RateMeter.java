package dev.wpuscope.ui.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Events per second, sampled once a second from a growing total; keeps the last {@link #HISTORY} samples. */
final class RateMeter {
    static final int HISTORY = 60;
    private static final long SECOND = 1_000_000_000L;

    private final ArrayDeque<Double> samples = new ArrayDeque<>();
    private long sampleStart = Long.MIN_VALUE;
    private long totalAtStart;
    private double rate;

    /** Feeds the current total; returns true when a new one-second sample was taken. */
    boolean update(long nowNanos, long total) {
        if (sampleStart == Long.MIN_VALUE || total < totalAtStart) {
            sampleStart = nowNanos;
            totalAtStart = total;
            return false;
        }
        long elapsed = nowNanos - sampleStart;
        if (elapsed < SECOND) {
            return false;
        }
        rate = (total - totalAtStart) * (double) SECOND / elapsed;
        samples.addLast(rate);
        while (samples.size() > HISTORY) {
            samples.removeFirst();
        }
        sampleStart = nowNanos;
        totalAtStart = total;
        return true;
    }

    double rate() {
        return rate;
    }

    List<Double> history() {
        return new ArrayList<>(samples);
    }

    void reset() {
        samples.clear();
        sampleStart = Long.MIN_VALUE;
        rate = 0;
    }
}
