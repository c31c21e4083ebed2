package dev.wpuscope.ui.traffic;

import java.util.Map;

/** Names of the error codes upcalls report through lpErrno (winerror.h / winsock2.h). */
final class WinsockErrors {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(6, "WSA_INVALID_HANDLE"), Map.entry(8, "WSA_NOT_ENOUGH_MEMORY"),
            Map.entry(87, "WSA_INVALID_PARAMETER"), Map.entry(995, "WSA_OPERATION_ABORTED"),
            Map.entry(996, "WSA_IO_INCOMPLETE"), Map.entry(997, "WSA_IO_PENDING"),
            Map.entry(10004, "WSAEINTR"), Map.entry(10009, "WSAEBADF"), Map.entry(10013, "WSAEACCES"),
            Map.entry(10014, "WSAEFAULT"), Map.entry(10022, "WSAEINVAL"), Map.entry(10024, "WSAEMFILE"),
            Map.entry(10035, "WSAEWOULDBLOCK"), Map.entry(10036, "WSAEINPROGRESS"), Map.entry(10037, "WSAEALREADY"),
            Map.entry(10038, "WSAENOTSOCK"), Map.entry(10050, "WSAENETDOWN"), Map.entry(10053, "WSAECONNABORTED"),
            Map.entry(10054, "WSAECONNRESET"), Map.entry(10055, "WSAENOBUFS"), Map.entry(10060, "WSAETIMEDOUT"),
            Map.entry(10061, "WSAECONNREFUSED"), Map.entry(10091, "WSASYSNOTREADY"),
            Map.entry(10092, "WSAVERNOTSUPPORTED"), Map.entry(10093, "WSANOTINITIALISED"),
            Map.entry(10104, "WSAEINVALIDPROCTABLE"), Map.entry(10105, "WSAEINVALIDPROVIDER"),
            Map.entry(10106, "WSAEPROVIDERFAILEDINIT"), Map.entry(10107, "WSASYSCALLFAILURE"));

    private WinsockErrors() {
    }

    /** "WSAENOTSOCK (10038)", "0" for no error, the number for an unknown code. */
    static String describe(int code) {
        if (code == 0) {
            return "";
        }
        String name = NAMES.get(code);
        return name == null ? Integer.toString(code) : name + " (" + code + ")";
    }
}
