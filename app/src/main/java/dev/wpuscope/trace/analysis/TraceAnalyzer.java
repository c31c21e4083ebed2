package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.List;

/**
 * Consumes decoded records incrementally, in capture order, and keeps a model that can be read at any
 * time (also from another thread than the one feeding it).
 */
public interface TraceAnalyzer {

    void accept(TraceRecord record);

    default void acceptAll(Iterable<? extends TraceRecord> records) {
        for (TraceRecord r : records) {
            accept(r);
        }
    }

    /**
     * The input is over (a capture read to its end): what waited for records that might still have changed it is
     * final now. Not called while a capture is followed live.
     */
    default void endOfInput() {
    }

    /** The problems found so far, in the order found (the first 100,000 of each analyzer). */
    List<Finding> findings();

    /** How many problems were found, including those beyond what {@link #findings} keeps. */
    default long findingCount() {
        return findings().size();
    }
}
