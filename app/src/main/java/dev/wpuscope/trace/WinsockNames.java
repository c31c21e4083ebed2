package dev.wpuscope.trace;

import java.util.Map;

/**
 * Names of the Winsock constants that downcall arguments carry (winsock2.h, ws2def.h, mswsock.h, mstcpip.h), for
 * showing them: ioctl codes, address families, socket types, protocols, option levels and names, shutdown modes,
 * select timeouts, Winsock versions. A value without a name is shown as a number.
 */
public final class WinsockNames {

    private static final Map<Integer, String> IOCTL_CODES = Map.ofEntries(
            Map.entry(0x8004667E, "FIONBIO"),
            Map.entry(0x4004667F, "FIONREAD"),
            Map.entry(0x40047307, "SIOCATMARK"),
            Map.entry(0x4004747F, "SIO_GET_INTERFACE_LIST"),
            Map.entry(0x88000001, "SIO_ASSOCIATE_HANDLE"),
            Map.entry(0x28000002, "SIO_ENABLE_CIRCULAR_QUEUEING"),
            Map.entry(0x48000003, "SIO_FIND_ROUTE"),
            Map.entry(0x28000004, "SIO_FLUSH"),
            Map.entry(0x48000005, "SIO_GET_BROADCAST_ADDRESS"),
            Map.entry(0xC8000006, "SIO_GET_EXTENSION_FUNCTION_POINTER"),
            Map.entry(0xC8000007, "SIO_GET_QOS"),
            Map.entry(0xC8000014, "SIO_ROUTING_INTERFACE_QUERY"),
            Map.entry(0x48000016, "SIO_ADDRESS_LIST_QUERY"),
            Map.entry(0x28000017, "SIO_ADDRESS_LIST_CHANGE"),
            Map.entry(0x48000018, "SIO_QUERY_TARGET_PNP_HANDLE"),
            Map.entry(0x4800001B, "SIO_BSP_HANDLE"),
            Map.entry(0x4800001C, "SIO_BSP_HANDLE_SELECT"),
            Map.entry(0x4800001D, "SIO_BSP_HANDLE_POLL"),
            Map.entry(0x48000022, "SIO_BASE_HANDLE"),
            Map.entry(0x98000001, "SIO_RCVALL"),
            Map.entry(0x98000004, "SIO_KEEPALIVE_VALS"),
            Map.entry(0x9800000C, "SIO_UDP_CONNRESET"),
            Map.entry(0x98000010, "SIO_LOOPBACK_FAST_PATH"));

    private static final Map<Integer, String> FAMILIES = Map.of(0, "AF_UNSPEC", 1, "AF_UNIX", 2, "AF_INET",
            23, "AF_INET6", 26, "AF_IRDA", 32, "AF_BTH");

    private static final Map<Integer, String> SOCKET_TYPES = Map.of(1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW",
            4, "SOCK_RDM", 5, "SOCK_SEQPACKET");

    private static final Map<Integer, String> PROTOCOLS = Map.of(1, "IPPROTO_ICMP", 6, "IPPROTO_TCP",
            17, "IPPROTO_UDP", 41, "IPPROTO_IPV6", 58, "IPPROTO_ICMPV6", 255, "IPPROTO_RAW");

    private static final int SOL_SOCKET = 0xFFFF;
    private static final Map<Integer, String> LEVELS = Map.of(SOL_SOCKET, "SOL_SOCKET", 0, "IPPROTO_IP",
            6, "IPPROTO_TCP", 17, "IPPROTO_UDP", 41, "IPPROTO_IPV6");

    private static final Map<Integer, String> SOCKET_OPTIONS = Map.ofEntries(
            Map.entry(0x0001, "SO_DEBUG"),
            Map.entry(0x0002, "SO_ACCEPTCONN"),
            Map.entry(0x0004, "SO_REUSEADDR"),
            Map.entry(0x0008, "SO_KEEPALIVE"),
            Map.entry(0x0010, "SO_DONTROUTE"),
            Map.entry(0x0020, "SO_BROADCAST"),
            Map.entry(0x0080, "SO_LINGER"),
            Map.entry(0x0100, "SO_OOBINLINE"),
            Map.entry(~0x0080, "SO_DONTLINGER"),
            Map.entry(~0x0004, "SO_EXCLUSIVEADDRUSE"),
            Map.entry(0x1001, "SO_SNDBUF"),
            Map.entry(0x1002, "SO_RCVBUF"),
            Map.entry(0x1005, "SO_SNDTIMEO"),
            Map.entry(0x1006, "SO_RCVTIMEO"),
            Map.entry(0x1007, "SO_ERROR"),
            Map.entry(0x1008, "SO_TYPE"),
            Map.entry(0x2005, "SO_PROTOCOL_INFOW"),
            Map.entry(0x700B, "SO_UPDATE_ACCEPT_CONTEXT"),
            Map.entry(0x700C, "SO_CONNECT_TIME"),
            Map.entry(0x7010, "SO_UPDATE_CONNECT_CONTEXT"));

    private static final int TCP_NODELAY = 1;

    private static final String[] SHUTDOWN_HOWS = {"SD_RECEIVE", "SD_SEND", "SD_BOTH"};

    /** The select timeout of a null timeout pointer: wait forever. */
    private static final long WAIT_FOREVER = -1L;

    private WinsockNames() {
    }

    /** {@code SIO_BASE_HANDLE}, or the code in hex. */
    public static String ioctlCode(long code) {
        return namedOrHex(IOCTL_CODES, code);
    }

    /** {@code AF_INET}, or the number. */
    public static String addressFamily(long family) {
        return named(FAMILIES, family);
    }

    /** {@code SOCK_STREAM}, or the number. */
    public static String socketType(long type) {
        return named(SOCKET_TYPES, type);
    }

    /** {@code IPPROTO_TCP}, or the number (0: the provider's default). */
    public static String protocol(long protocol) {
        return named(PROTOCOLS, protocol);
    }

    /** {@code SOL_SOCKET}, or the number. */
    public static String optionLevel(long level) {
        return named(LEVELS, level);
    }

    /** {@code SO_RCVBUF} (SOL_SOCKET), {@code TCP_NODELAY} (IPPROTO_TCP), or the number. */
    public static String optionName(long level, long name) {
        if ((int) level == SOL_SOCKET) {
            return namedOrHex(SOCKET_OPTIONS, name);
        }
        return (int) level == 6 && (int) name == TCP_NODELAY ? "TCP_NODELAY" : hexOf(name);
    }

    /** {@code SD_SEND}, or the number. */
    public static String shutdownHow(long how) {
        return how >= 0 && how < SHUTDOWN_HOWS.length ? SHUTDOWN_HOWS[(int) how] : Long.toString(how);
    }

    /** A select timeout in microseconds: {@code infinite}, {@code 0 (poll)}, {@code 2 s}, {@code 250 ms}, {@code 10 µs}. */
    public static String selectTimeout(long micros) {
        if (micros == WAIT_FOREVER) {
            return "infinite";
        }
        if (micros == 0) {
            return "0 (poll)";
        }
        if (micros % 1_000_000 == 0) {
            return Long.toUnsignedString(micros / 1_000_000) + " s";
        }
        return micros % 1000 == 0 ? Long.toUnsignedString(micros / 1000) + " ms" : Long.toUnsignedString(micros) + " µs";
    }

    /** A Winsock version word (major in the low byte): {@code 2.2}. */
    public static String version(long word) {
        return (word & 0xFF) + "." + (word >>> 8 & 0xFF);
    }

    /** The name of a 32-bit value (sign- or zero-extended to 64 bits), or its number in decimal. */
    private static String named(Map<Integer, String> names, long value) {
        String name = nameOf(names, value);
        return name != null ? name : Long.toString(value);
    }

    private static String namedOrHex(Map<Integer, String> names, long value) {
        String name = nameOf(names, value);
        return name != null ? name : hexOf(value);
    }

    private static String nameOf(Map<Integer, String> names, long value) {
        return value == (int) value || value >>> 32 == 0 ? names.get((int) value) : null;
    }

    private static String hexOf(long value) {
        return "0x" + Long.toHexString(value).toUpperCase();
    }
}
