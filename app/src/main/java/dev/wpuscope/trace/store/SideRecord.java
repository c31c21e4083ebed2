package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;

/**
 * A record that is not an upcall (hello, provider loaded, module, drops, tracer message, goodbye), kept
 * with its place among the events: it came after the first {@code row} upcall rows. Tick values in it are
 * converted to FILETIME, like the store's event times.
 */
public record SideRecord(int row, TraceRecord record) {
}
