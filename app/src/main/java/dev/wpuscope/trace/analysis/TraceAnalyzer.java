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

    /** The problems found so far, in the order found. */
    List<Finding> findings();
}
