package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Upcall;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How the Live Traffic view writes an event's fields: decoded arguments, results, errors, times. */
public final class EventFormat {
    /** FILETIME of 1970-01-01 UTC. */
    private static final long UNIX_EPOCH_FILETIME = 116_444_736_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final TrafficEvents events;
    private final ZoneId zone;

    public EventFormat(TrafficEvents events, ZoneId zone) {
        this.events = events;
        this.zone = zone;
    }

    public String time(int row) {
        long hundredNanos = events.filetime(row) - UNIX_EPOCH_FILETIME;
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(hundredNanos, 10_000_000L),
                Math.floorMod(hundredNanos, 10_000_000L) * 100);
        return TIME.format(instant.atZone(zone));
    }

    public String upcall(int row) {
        Upcall upcall = events.upcall(row);
        return upcall == null ? "unknown upcall" : upcall.apiName();
    }

    /** The arguments by name, decoded where the upcall gives them meaning. */
    public String arguments(int row) {
        Upcall upcall = events.upcall(row);
        List<String> parts = new ArrayList<>();
        if (upcall == null) {
            for (int i = 0; i < events.argCount(row); i++) {
                parts.add(hex(events.arg(row, i)));
            }
            return String.join(", ", parts);
        }
        List<String> names = upcall.argNames();
        if (upcall == Upcall.WPU_GET_PROVIDER_PATH) {
            parts.add("provider=" + guid(events.arg(row, 0), events.arg(row, 1)));
            parts.add("len=" + events.arg(row, 2) + "→" + events.arg(row, 3));
            String path = events.text(row);
            if (!path.isEmpty()) {
                parts.add("path=" + path);
            }
            return String.join(", ", parts);
        }
        for (int i = 0; i < names.size() && i < events.argCount(row); i++) {
            parts.add(names.get(i) + "=" + argument(upcall, names.get(i), events.arg(row, i)));
        }
        return String.join(", ", parts);
    }

    private static String argument(Upcall upcall, String name, long value) {
        return switch (name) {
            case "catalog_entry_id", "cbTransferred", "path_len_in", "path_len_out" -> Long.toString(value);
            case "dwError" -> value == 0 ? "0" : WsaErrors.describe((int) value);
            case "lparam" -> upcall == Upcall.WPU_POST_MESSAGE ? hex(value) + " " + SelectEvents.describe(value)
                    : hex(value);
            default -> hex(value);
        };
    }

    public String result(int row) {
        Upcall upcall = events.upcall(row);
        long result = events.result(row);
        if (upcall == null) {
            return Long.toString(result);
        }
        return switch (upcall.resultKind()) {
            case BOOL -> result == 0 ? "FALSE" : "TRUE";
            case INT -> result == -1 ? "SOCKET_ERROR" : Long.toString(result);
            case SOCKET -> result == -1 ? "INVALID_SOCKET" : hex(result);
            case HANDLE -> result == 0 ? "NULL" : hex(result);
            case NEVER_FAILS -> Long.toString(result);
        };
    }

    public String error(int row) {
        return WsaErrors.describe(events.error(row));
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
        return "0x" + Long.toHexString(value).toUpperCase();
    }

    /** A GUID from the two little-endian halves the trace format stores. */
    static String guid(long low, long high) {
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(low).putLong(high);
        bytes.flip();
        long data1 = Integer.toUnsignedLong(bytes.getInt());
        int data2 = Short.toUnsignedInt(bytes.getShort());
        int data3 = Short.toUnsignedInt(bytes.getShort());
        bytes.order(ByteOrder.BIG_ENDIAN);
        long data4 = bytes.getLong();
        UUID id = new UUID(data1 << 32 | (long) data2 << 16 | data3, data4);
        return "{" + id.toString().toUpperCase() + "}";
    }
}
