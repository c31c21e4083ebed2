package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.RowKind;
import java.util.Locale;

/**
 * What the filter bar asks for; every criterion that is set must match. Process and provider match the
 * file name case-insensitively as substrings ({@code process} also the pid exactly); free text has the
 * store's meaning ({@link dev.wpuscope.trace.store.EventFilter#text()}). {@link StoreFilters} turns this into
 * the store's filter, so the store's indexes do the selecting.
 *
 * @param kind     only downcalls or only upcalls, or {@code null} for both
 * @param thread   thread id, or {@code null} for any
 * @param function the upcall or the downcall function ({@link Upcall} or {@link Downcall}), or {@code null} for any
 * @param socket   socket handle, or {@code null} for any
 * @param only     exactly these events (a panel row's), or {@code null} for any
 */
public record TrafficFilter(RowKind kind, String process, Integer thread, Enum<?> function, String provider,
                            Long socket, boolean errorsOnly, String text, EventSet only) {

    public static final TrafficFilter NONE = new TrafficFilter(null, "", null, null, "", null, false, "", null);

    /**
     * A named set of events. An event is known by its process and its offset in that process's stream:
     * several tracers on the pipe each send a stream of their own, whose offsets overlap.
     */
    public record EventSet(String label, java.util.Set<EventId> events) {
        public EventSet {
            events = java.util.Set.copyOf(events);
        }

        public boolean contains(int pid, long offset) {
            return events.contains(new EventId(pid, offset));
        }
    }

    /** One event: its process and its offset in the capture stream it came in. */
    public record EventId(int pid, long offset) {
        public static EventId of(TraceRecord record) {
            return new EventId(record.pid(), record.offset());
        }
    }

    /** The filter the fields of the filter bar describe (no event set). */
    public static TrafficFilter of(RowKind kind, String process, Integer thread, Enum<?> function, String provider,
                                   Long socket, boolean errorsOnly, String text) {
        return new TrafficFilter(kind, process, thread, function, provider, socket, errorsOnly, text, null);
    }

    public TrafficFilter {
        if (function != null && !(function instanceof Upcall) && !(function instanceof Downcall)) {
            throw new IllegalArgumentException("not an upcall or a downcall function: " + function);
        }
        process = normalize(process);
        provider = normalize(provider);
        text = normalize(text);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public TrafficFilter withKind(RowKind value) {
        return new TrafficFilter(value, process, thread, function, provider, socket, errorsOnly, text, only);
    }

    public TrafficFilter withProcess(String value) {
        return new TrafficFilter(kind, value, thread, function, provider, socket, errorsOnly, text, only);
    }

    public TrafficFilter withThread(Integer value) {
        return new TrafficFilter(kind, process, value, function, provider, socket, errorsOnly, text, only);
    }

    public TrafficFilter withFunction(Enum<?> value) {
        return new TrafficFilter(kind, process, thread, value, provider, socket, errorsOnly, text, only);
    }

    public TrafficFilter withProvider(String value) {
        return new TrafficFilter(kind, process, thread, function, value, socket, errorsOnly, text, only);
    }

    public TrafficFilter withSocket(Long value) {
        return new TrafficFilter(kind, process, thread, function, provider, value, errorsOnly, text, only);
    }

    public TrafficFilter withErrorsOnly(boolean value) {
        return new TrafficFilter(kind, process, thread, function, provider, socket, value, text, only);
    }

    public TrafficFilter withText(String value) {
        return new TrafficFilter(kind, process, thread, function, provider, socket, errorsOnly, value, only);
    }

    public TrafficFilter withOnly(EventSet value) {
        return new TrafficFilter(kind, process, thread, function, provider, socket, errorsOnly, text, value);
    }

    public TrafficFilter withUpcall(Upcall value) {
        return withFunction(value);
    }

    /** The upcall this filter asks for, or null (any, or a downcall function). */
    public Upcall upcall() {
        return function instanceof Upcall u ? u : null;
    }

    /** The downcall function this filter asks for, or null (any, or an upcall). */
    public Downcall downcall() {
        return function instanceof Downcall d ? d : null;
    }

    private static String normalize(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
