package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Filetime;
import dev.wpuscope.trace.store.EventText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the Live Traffic view writes an event's fields: times and durations here, the rest (decoded arguments,
 * results, errors) as {@link EventText} writes them, which is also what the free-text search matches.
 */
public final class EventFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final TrafficEvents events;
    private final ZoneId zone;

    public EventFormat(TrafficEvents events, ZoneId zone) {
        this.events = events;
        this.zone = zone;
    }

    public String time(int row) {
        return TIME.format(Filetime.toInstant(events.filetime(row)).atZone(zone));
    }

    /** The name of the row's upcall or downcall function, e.g. {@code WSPSocket}. */
    public String call(int row) {
        return events.store().callName(row);
    }

    /** The arguments by name, decoded where the upcall or function gives them meaning. */
    public String arguments(int row) {
        return EventText.arguments(events.store(), row);
    }

    public String result(int row) {
        return EventText.result(events.store(), row);
    }

    public String error(int row) {
        return EventText.error(events.store(), row);
    }

    /** Duration in microseconds with one decimal. */
    public String duration(int row) {
        long nanos = events.durationNanos(row);
        return String.format("%d.%d µs", nanos / 1000, nanos % 1000 / 100);
    }

    public boolean failed(int row) {
        return events.store().failed(row);
    }

    /**
     * The socket an event is about, or -1: a downcall's socket, an upcall's {@code s} argument, the handle a
     * create/modify call returned, or the socket a posted WSAAsyncSelect message names in its wParam.
     */
    public long socket(int row) {
        long socket = events.store().socket(row);
        return socket == 0 ? -1 : socket;
    }

    static String hex(long value) {
        return EventText.hex(value);
    }
}
