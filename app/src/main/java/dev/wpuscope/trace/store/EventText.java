package dev.wpuscope.trace.store;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored event's fields as people read them: the text of the Live Traffic table's columns (process,
 * provider, upcall, decoded arguments, result, error), which the free-text search matches.
 */
public final class EventText {

    /** An out-argument the callee left alone (upcall_flags bit 3): its recorded value is the caller's own. */
    public static final String NOT_WRITTEN = "(not written)";

    /** The Provider column for a call from a module the capture did not describe. */
    public static final String UNKNOWN_MODULE = "(unknown module)";

    private EventText() {
    }

    /** The image file name of the row's process, or "" when its hello was not seen. */
    public static String process(EventStore store, int row) {
        return EntryLabels.fileName(store.process(row).image());
    }

    /** The file name of the provider module the call came from, or "" when unknown. */
    public static String providerFile(EventStore store, int row) {
        return EntryLabels.fileName(store.module(row).path());
    }

    /** A provider's file name as the table shows it: {@link #UNKNOWN_MODULE} when unknown. */
    public static String providerLabel(String fileName) {
        return fileName.isEmpty() ? UNKNOWN_MODULE : fileName;
    }

    public static String upcall(Upcall upcall) {
        return upcall == null ? "unknown upcall" : upcall.apiName();
    }

    /** The arguments by name, decoded where the upcall gives them meaning. */
    public static String arguments(EventStore store, int row) {
        Upcall upcall = store.upcall(row);
        List<String> parts = new ArrayList<>();
        if (upcall == null) {
            for (int i = 0; i < store.argCount(row); i++) {
                parts.add(hex(store.arg(row, i)));
            }
        } else if (upcall == Upcall.WPU_GET_PROVIDER_PATH) {
            parts.add("provider=" + guid(store.arg(row, 0), store.arg(row, 1)));
            parts.add("len=" + store.arg(row, 2) + "→" + store.arg(row, 3));
            String path = store.text(row);
            if (!path.isEmpty()) {
                parts.add("path=" + path);
            }
        } else {
            List<String> names = upcall.argNames();
            for (int i = 0; i < names.size() && i < store.argCount(row); i++) {
                parts.add(names.get(i) + "=" + (store.argWritten(row, i)
                        ? ArgFormat.of(upcall, names.get(i)).text(store.arg(row, i)) : NOT_WRITTEN));
            }
        }
        return String.join(", ", parts);
    }

    /** The result by what it means for this upcall: TRUE/FALSE, SOCKET_ERROR, INVALID_SOCKET, NULL or the value. */
    public static String result(Upcall upcall, long result) {
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

    /** "10038 WSAENOTSOCK", or "" when there is no error. */
    public static String error(int code) {
        return WsaErrors.describe(code);
    }

    /** The row's error: "10038 WSAENOTSOCK", {@value WsaErrors#NO_ERROR_CODE_GIVEN}, or "" when none. */
    public static String error(EventStore store, int row) {
        return WsaErrors.describe(store.error(row), store.errorGiven(row));
    }

    /** {@code 0x1A4}: upper-case digits, no leading zeros. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase();
    }

    /** A GUID from the two little-endian halves the trace format stores, in registry form. */
    public static String guid(long low, long high) {
        return Guids.registryForm(Guids.fromHalves(low, high));
    }
}
