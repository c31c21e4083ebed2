package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;

/**
 * The upcall events the Live Traffic view reads, by row number (0-based, append-only). One background
 * thread appends; {@link #size()} publishes rows, so every accessor is safe from another thread for any
 * row below a {@code size()} that thread has seen.
 */
public interface TrafficEvents {

    int size();

    /** The columnar store holding these events; filtering goes through its indexes. */
    EventStore store();

    /** Byte offset of the event's record in the capture (ascending with the row number). */
    long offset(int row);

    /** Wall-clock time of the call as FILETIME (100 ns since 1601 UTC). */
    long filetime(int row);

    int pid(int row);

    int tid(int row);

    /** The upcall, or {@code null} for a number this build does not know. */
    Upcall upcall(int row);

    int argCount(int row);

    long arg(int row, int index);

    /** The record's text (WPUGetProviderPath's path), empty otherwise. */
    String text(int row);

    long result(int row);

    int error(int row);

    /** How long the real upcall took, in nanoseconds. */
    long durationNanos(int row);

    /** Image file name of the process, or "" when its hello was not seen. */
    String processName(int row);

    /** The provider module the call came from (file name), or "" when unknown. */
    String providerName(int row);

    /** Events the tracers reported as dropped so far. */
    long drops();
}
