package dev.wpuscope.trace;

import java.util.Map;

/**
 * Names of Winsock error codes (WSABASEERR + n from winerror.h, and the WSA_* aliases of Win32 errors),
 * for showing upcall errors and WSAGETSELECTERROR values.
 */
public final class WsaErrors {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(6, "WSA_INVALID_HANDLE"),
            Map.entry(8, "WSA_NOT_ENOUGH_MEMORY"),
            Map.entry(87, "WSA_INVALID_PARAMETER"),
            Map.entry(995, "WSA_OPERATION_ABORTED"),
            Map.entry(996, "WSA_IO_INCOMPLETE"),
            Map.entry(997, "WSA_IO_PENDING"),
            Map.entry(10004, "WSAEINTR"),
            Map.entry(10009, "WSAEBADF"),
            Map.entry(10013, "WSAEACCES"),
            Map.entry(10014, "WSAEFAULT"),
            Map.entry(10022, "WSAEINVAL"),
            Map.entry(10024, "WSAEMFILE"),
            Map.entry(10035, "WSAEWOULDBLOCK"),
            Map.entry(10036, "WSAEINPROGRESS"),
            Map.entry(10037, "WSAEALREADY"),
            Map.entry(10038, "WSAENOTSOCK"),
            Map.entry(10039, "WSAEDESTADDRREQ"),
            Map.entry(10040, "WSAEMSGSIZE"),
            Map.entry(10041, "WSAEPROTOTYPE"),
            Map.entry(10042, "WSAENOPROTOOPT"),
            Map.entry(10043, "WSAEPROTONOSUPPORT"),
            Map.entry(10044, "WSAESOCKTNOSUPPORT"),
            Map.entry(10045, "WSAEOPNOTSUPP"),
            Map.entry(10046, "WSAEPFNOSUPPORT"),
            Map.entry(10047, "WSAEAFNOSUPPORT"),
            Map.entry(10048, "WSAEADDRINUSE"),
            Map.entry(10049, "WSAEADDRNOTAVAIL"),
            Map.entry(10050, "WSAENETDOWN"),
            Map.entry(10051, "WSAENETUNREACH"),
            Map.entry(10052, "WSAENETRESET"),
            Map.entry(10053, "WSAECONNABORTED"),
            Map.entry(10054, "WSAECONNRESET"),
            Map.entry(10055, "WSAENOBUFS"),
            Map.entry(10056, "WSAEISCONN"),
            Map.entry(10057, "WSAENOTCONN"),
            Map.entry(10058, "WSAESHUTDOWN"),
            Map.entry(10059, "WSAETOOMANYREFS"),
            Map.entry(10060, "WSAETIMEDOUT"),
            Map.entry(10061, "WSAECONNREFUSED"),
            Map.entry(10062, "WSAELOOP"),
            Map.entry(10063, "WSAENAMETOOLONG"),
            Map.entry(10064, "WSAEHOSTDOWN"),
            Map.entry(10065, "WSAEHOSTUNREACH"),
            Map.entry(10066, "WSAENOTEMPTY"),
            Map.entry(10067, "WSAEPROCLIM"),
            Map.entry(10068, "WSAEUSERS"),
            Map.entry(10069, "WSAEDQUOT"),
            Map.entry(10070, "WSAESTALE"),
            Map.entry(10071, "WSAEREMOTE"),
            Map.entry(10091, "WSASYSNOTREADY"),
            Map.entry(10092, "WSAVERNOTSUPPORTED"),
            Map.entry(10093, "WSANOTINITIALISED"),
            Map.entry(10101, "WSAEDISCON"),
            Map.entry(10102, "WSAENOMORE"),
            Map.entry(10103, "WSAECANCELLED"),
            Map.entry(10104, "WSAEINVALIDPROCTABLE"),
            Map.entry(10105, "WSAEINVALIDPROVIDER"),
            Map.entry(10106, "WSAEPROVIDERFAILEDINIT"),
            Map.entry(10107, "WSASYSCALLFAILURE"),
            Map.entry(10108, "WSASERVICE_NOT_FOUND"),
            Map.entry(10109, "WSATYPE_NOT_FOUND"),
            Map.entry(10110, "WSA_E_NO_MORE"),
            Map.entry(10111, "WSA_E_CANCELLED"),
            Map.entry(10112, "WSAEREFUSED"),
            Map.entry(11001, "WSAHOST_NOT_FOUND"),
            Map.entry(11002, "WSATRY_AGAIN"),
            Map.entry(11003, "WSANO_RECOVERY"),
            Map.entry(11004, "WSANO_DATA"),
            Map.entry(11005, "WSA_QOS_RECEIVERS"),
            Map.entry(11006, "WSA_QOS_SENDERS"),
            Map.entry(11007, "WSA_QOS_NO_SENDERS"),
            Map.entry(11008, "WSA_QOS_NO_RECEIVERS"),
            Map.entry(11009, "WSA_QOS_REQUEST_CONFIRMED"),
            Map.entry(11010, "WSA_QOS_ADMISSION_FAILURE"),
            Map.entry(11011, "WSA_QOS_POLICY_FAILURE"),
            Map.entry(11012, "WSA_QOS_BAD_STYLE"),
            Map.entry(11013, "WSA_QOS_BAD_OBJECT"),
            Map.entry(11014, "WSA_QOS_TRAFFIC_CTRL_ERROR"),
            Map.entry(11015, "WSA_QOS_GENERIC_ERROR"),
            Map.entry(11016, "WSA_QOS_ESERVICETYPE"),
            Map.entry(11017, "WSA_QOS_EFLOWSPEC"),
            Map.entry(11018, "WSA_QOS_EPROVSPECBUF"),
            Map.entry(11019, "WSA_QOS_EFILTERSTYLE"),
            Map.entry(11020, "WSA_QOS_EFILTERTYPE"),
            Map.entry(11021, "WSA_QOS_EFILTERCOUNT"),
            Map.entry(11022, "WSA_QOS_EOBJLENGTH"),
            Map.entry(11023, "WSA_QOS_EFLOWCOUNT"),
            Map.entry(11024, "WSA_QOS_EUNKNOWNPSOBJ"),
            Map.entry(11025, "WSA_QOS_EPOLICYOBJ"),
            Map.entry(11026, "WSA_QOS_EFLOWDESC"),
            Map.entry(11027, "WSA_QOS_EPSFLOWSPEC"),
            Map.entry(11028, "WSA_QOS_EPSFILTERSPEC"),
            Map.entry(11029, "WSA_QOS_ESDMODEOBJ"),
            Map.entry(11030, "WSA_QOS_ESHAPERATEOBJ"),
            Map.entry(11031, "WSA_QOS_RESERVED_PETYPE"));

    private WsaErrors() {
    }

    /** The name, e.g. {@code WSAENOTSOCK} for 10038, or null for a code not in the table. */
    public static String name(int code) {
        return NAMES.get(code);
    }

    /** What an event without an error code shows instead of one (upcall_flags bit 2, trace format 1.1). */
    public static final String NO_ERROR_CODE_GIVEN = "no error code given";

    /** {@link #describe} the code, or {@link #NO_ERROR_CODE_GIVEN} when the callee failed without writing one. */
    public static String describe(int code, boolean given) {
        return given ? describe(code) : NO_ERROR_CODE_GIVEN;
    }

    /** "10038 WSAENOTSOCK", or just the number for a code not in the table; "" for 0. */
    public static String describe(int code) {
        if (code == 0) {
            return "";
        }
        String name = name(code);
        return name == null ? Integer.toString(code) : code + " " + name;
    }

    /** All codes and names. */
    public static Map<Integer, String> all() {
        return NAMES;
    }
}
