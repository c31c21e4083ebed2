package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;

/**
 * Receives what a {@link TraceDecoder} decodes, in capture order, on the thread that feeds it. A
 * {@link CallViewListener} takes the calls as views over their bytes instead of record objects.
 */
@FunctionalInterface
public interface TraceListener {

    /** A stream header: the first one at offset 0, later ones where another stream starts. */
    default void onHeader(TraceHeader header) {
    }

    /** A decoded record and its encoded length in bytes (its payload may be longer than the known fields). */
    void onRecord(TraceRecord record, int length);

    /** A record of a type this reader does not know; it was skipped. */
    default void onUnknownRecord(long offset, int type, int pid, int length) {
    }

    /** Damaged bytes were skipped (reported once the reader has resynced or reached the end). */
    default void onDamage(Damage damage) {
    }

    /** The data ended inside a record or header that starts at {@code offset}. */
    default void onTruncated(long offset) {
    }

    /** A stream ended without PROCESS_GOODBYE: at the next stream's header, or at the end of the data. */
    default void onEndedShort(EndedShort end) {
    }

    /**
     * A followed file shrank or was replaced: the old content has ended (its truncated tail, if any, was
     * reported) and what follows comes from the start of the new content, with offsets from 0 again.
     */
    default void onRestart(FileRestart restart) {
    }

    /** The input is over: no record will follow (not called while a growing file is followed). */
    default void onEnd() {
    }
}
