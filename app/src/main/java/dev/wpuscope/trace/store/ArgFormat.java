package dev.wpuscope.trace.store;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.analysis.SelectEvents;
import dev.wpuscope.trace.model.Upcall;

/** How one upcall argument is written for people: most are handles or pointers in hex, a few have meaning. */
enum ArgFormat {
    /** {@code 0x1A4}: handles, pointers, flags. */
    HEX,
    /** Counts and ids. */
    DECIMAL,
    /** {@code 10054 WSAECONNRESET}, or {@code 0}. */
    WSA_ERROR,
    /** WPUPostMessage's lParam as a WSAAsyncSelect notification: {@code 0x21 FD_READ|FD_CLOSE}. */
    SELECT_NOTIFICATION;

    static ArgFormat of(Upcall upcall, String name) {
        return switch (name) {
            case "catalog_entry_id", "cbTransferred", "path_len_in", "path_len_out" -> DECIMAL;
            case "dwError" -> WSA_ERROR;
            case "lparam" -> upcall == Upcall.WPU_POST_MESSAGE ? SELECT_NOTIFICATION : HEX;
            default -> HEX;
        };
    }

    String text(long value) {
        return switch (this) {
            case HEX -> EventText.hex(value);
            case DECIMAL -> Long.toString(value);
            case WSA_ERROR -> value == 0 ? "0" : WsaErrors.describe((int) value);
            case SELECT_NOTIFICATION -> EventText.hex(value) + " " + SelectEvents.describe(value);
        };
    }
}
