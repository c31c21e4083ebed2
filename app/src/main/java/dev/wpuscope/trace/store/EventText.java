package dev.wpuscope.trace.store;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.ResultKind;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored row's fields as people read them: the text of the Live Traffic table's columns (process, provider,
 * upcall or function, decoded arguments, result, error, socket), which the free-text search matches. Works for both
 * kinds of rows; a downcall's arguments are written by {@link DowncallText}.
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
        return store.process(row).imageFileName();
    }

    /** The file name of the provider module the call came from, or "" when unknown. */
    public static String providerFile(EventStore store, int row) {
        return store.module(row).fileName();
    }

    /** A provider's file name as the table shows it: {@link #UNKNOWN_MODULE} when unknown. */
    public static String providerLabel(String fileName) {
        return fileName.isEmpty() ? UNKNOWN_MODULE : fileName;
    }

    public static String upcall(Upcall upcall) {
        return upcall == null ? "unknown upcall" : upcall.apiName();
    }

    /** The arguments by name, decoded where the upcall or function gives them meaning. */
    public static String arguments(EventStore store, int row) {
        if (store.isDowncall(row)) {
            long[] args = new long[store.argCount(row)];
            for (int k = 0; k < args.length; k++) {
                args[k] = store.arg(row, k);
            }
            return DowncallText.arguments(store.downcall(row), args, store.upcallFlags(row), store.text(row),
                    store.data(row));
        }
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
        return result(upcall == null ? null : upcall.resultKind(), result);
    }

    /** The row's result by what it means for its upcall or function. */
    public static String result(EventStore store, int row) {
        Downcall function = store.downcall(row);
        if (function != null) {
            return result(function.resultKind(), store.result(row));
        }
        return result(store.upcall(row), store.result(row));
    }

    /** The result by its kind (null: unknown, the number); a WSPStartup's error code by its name. */
    public static String result(ResultKind kind, long result) {
        if (kind == null) {
            return Long.toString(result);
        }
        return switch (kind) {
            case BOOL -> result == 0 ? "FALSE" : "TRUE";
            case INT -> result == -1 ? "SOCKET_ERROR" : Long.toString(result);
            case SOCKET -> result == -1 ? "INVALID_SOCKET" : hex(result);
            case HANDLE -> result == 0 ? "NULL" : hex(result);
            case STATUS -> result == 0 ? "0" : WsaErrors.describe((int) result);
            case NEVER_FAILS -> Long.toString(result);
        };
    }

    /** The row's socket as the Socket column shows it: {@code 0x2C8}, or "" when the row is about none. */
    public static String socket(EventStore store, int row) {
        return socketText(store.socket(row));
    }

    /** A socket handle as the Socket column shows it: {@code 0x2C8}, {@code INVALID_SOCKET}, or "" for 0. */
    public static String socketText(long socket) {
        return socket == 0 ? "" : socket == -1 ? "INVALID_SOCKET" : hex(socket);
    }

    /** {@code upcall} or {@code downcall}; a downcall's call id follows: {@code downcall #7}. */
    public static String kind(EventStore store, int row) {
        return store.isDowncall(row) ? "downcall #" + Integer.toUnsignedString(store.callId(row)) : "upcall";
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
