package dev.wpuscope.platform.windows;

import java.util.Map;

/** Names of the Winsock errors the catalog functions document, for messages. */
final class WsaErrorName {

    private static final Map<Integer, String> NAMES = Map.of(
            10014, "WSAEFAULT", 10022, "WSAEINVAL", 10055, "WSAENOBUFS", 10107, "WSASYSCALLFAILURE",
            11003, "WSANO_RECOVERY", 8, "WSA_NOT_ENOUGH_MEMORY", 5, "ERROR_ACCESS_DENIED");

    private WsaErrorName() {
    }

    /** " (WSAEINVAL)" or "" for an error without a known name. */
    static String of(int error) {
        String name = NAMES.get(error);
        return name == null ? "" : " (" + name + ")";
    }
}
