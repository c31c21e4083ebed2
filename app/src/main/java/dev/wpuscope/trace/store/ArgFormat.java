package dev.wpuscope.trace.store;

import dev.wpuscope.trace.WinsockNames;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.analysis.FdEvent;
import dev.wpuscope.trace.analysis.SelectEvents;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;

/** How one call argument is written for people: most are handles or pointers in hex, a few have meaning. */
enum ArgFormat {
    /** {@code 0x1A4}: handles, pointers, flags. */
    HEX,
    /** Counts and ids. */
    DECIMAL,
    /** {@code 10054 WSAECONNRESET}, or {@code 0}. */
    WSA_ERROR,
    /** WPUPostMessage's lParam as a WSAAsyncSelect notification: {@code 0x21 FD_READ|FD_CLOSE}. */
    SELECT_NOTIFICATION,
    /** The FD_* events a downcall asks for or reports: {@code FD_READ|FD_WRITE}. */
    FD_EVENTS,
    /** WSPIoctl's code: {@code SIO_BASE_HANDLE}. */
    IOCTL_CODE,
    /** {@code AF_INET}. */
    ADDRESS_FAMILY,
    /** {@code SOCK_STREAM}. */
    SOCKET_TYPE,
    /** {@code IPPROTO_TCP}. */
    PROTOCOL,
    /** {@code SOL_SOCKET}. */
    OPTION_LEVEL,
    /** WSPShutdown's how: {@code SD_BOTH}. */
    SHUTDOWN_HOW,
    /** WSPSelect's timeout in µs: {@code infinite}, {@code 250 ms}. */
    SELECT_TIMEOUT,
    /** A Winsock version word: {@code 2.2}. */
    WINSOCK_VERSION;

    static ArgFormat of(Upcall upcall, String name) {
        return switch (name) {
            case "catalog_entry_id", "cbTransferred", "path_len_in", "path_len_out" -> DECIMAL;
            case "dwError" -> WSA_ERROR;
            case "lparam" -> upcall == Upcall.WPU_POST_MESSAGE ? SELECT_NOTIFICATION : HEX;
            default -> HEX;
        };
    }

    /** The format of a downcall argument (the sockaddr words and optname are written by {@link DowncallText}). */
    static ArgFormat of(Downcall function, String name) {
        return switch (name) {
            case "events", "network_events" -> FD_EVENTS;
            case "code" -> IOCTL_CODE;
            case "af", "family" -> ADDRESS_FAMILY;
            case "type" -> SOCKET_TYPE;
            case "protocol" -> PROTOCOL;
            case "level" -> OPTION_LEVEL;
            case "how" -> SHUTDOWN_HOW;
            case "timeout_us" -> SELECT_TIMEOUT;
            case "version_requested", "version" -> WINSOCK_VERSION;
            case "hwnd", "msg", "overlapped", "completion_routine", "condition_routine", "callback_data", "event",
                    "sqos", "gqos", "protocol_info", "qos", "group", "flags", "flags_in", "opt_value", "in_value",
                    "out_value", "optname" -> HEX;
            default -> DECIMAL;
        };
    }

    String text(long value) {
        return switch (this) {
            case HEX -> EventText.hex(value);
            case DECIMAL -> Long.toString(value);
            case WSA_ERROR -> value == 0 ? "0" : WsaErrors.describe((int) value);
            case SELECT_NOTIFICATION -> EventText.hex(value) + " " + SelectEvents.describe(value);
            case FD_EVENTS -> FdEvent.describeMask(value);
            case IOCTL_CODE -> WinsockNames.ioctlCode(value);
            case ADDRESS_FAMILY -> WinsockNames.addressFamily(value);
            case SOCKET_TYPE -> WinsockNames.socketType(value);
            case PROTOCOL -> WinsockNames.protocol(value);
            case OPTION_LEVEL -> WinsockNames.optionLevel(value);
            case SHUTDOWN_HOW -> WinsockNames.shutdownHow(value);
            case SELECT_TIMEOUT -> WinsockNames.selectTimeout(value);
            case WINSOCK_VERSION -> WinsockNames.version(value);
        };
    }
}
