package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Filetime;
import dev.wpuscope.trace.model.Upcall;
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

    public String upcall(int row) {
        return EventText.upcall(events.upcall(row));
    }

    /** The arguments by name, decoded where the upcall gives them meaning. */
    public String arguments(int row) {
        return EventText.arguments(events.store(), row);
    }

    public String result(int row) {
        return EventText.result(events.upcall(row), events.result(row));
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
        Upcall upcall = events.upcall(row);
        return upcall != null && upcall.isFailure(events.result(row));
    }

    /**
     * The socket an event is about, or -1: the {@code s} argument, the handle a create/modify call returned,
     * or the socket a posted WSAAsyncSelect message names in its wParam.
     */
    public long socket(int row) {
        Upcall upcall = events.upcall(row);
        if (upcall == null) {
            return -1;
        }
        return switch (upcall) {
            case WPU_CLOSE_SOCKET_HANDLE, WPU_FD_IS_SET, WPU_QUERY_SOCKET_HANDLE_CONTEXT,
                 WPU_COMPLETE_OVERLAPPED_REQUEST -> events.arg(row, 0);
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> events.result(row);
            case WPU_POST_MESSAGE -> events.arg(row, 2);
            default -> -1;
        };
    }

    static String hex(long value) {
        return EventText.hex(value);
    }
}
