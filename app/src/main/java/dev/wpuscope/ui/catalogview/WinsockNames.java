package dev.wpuscope.ui.catalogview;

import java.util.Map;

/** Names of the Winsock constants that catalog fields hold (winsock2.h, ws2def.h, nspapi.h). */
final class WinsockNames {
    private static final Map<Integer, String> ADDRESS_FAMILIES = Map.ofEntries(
            Map.entry(0, "AF_UNSPEC"), Map.entry(1, "AF_UNIX"), Map.entry(2, "AF_INET"), Map.entry(6, "AF_IPX"),
            Map.entry(16, "AF_APPLETALK"), Map.entry(17, "AF_NETBIOS"), Map.entry(23, "AF_INET6"),
            Map.entry(26, "AF_IRDA"), Map.entry(32, "AF_BTH"), Map.entry(34, "AF_HYPERV"));
    private static final Map<Integer, String> SOCKET_TYPES = Map.of(
            1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW", 4, "SOCK_RDM", 5, "SOCK_SEQPACKET");
    private static final Map<Integer, String> IP_PROTOCOLS = Map.of(
            0, "IPPROTO_IP (any)", 1, "IPPROTO_ICMP", 2, "IPPROTO_IGMP", 6, "IPPROTO_TCP", 17, "IPPROTO_UDP",
            58, "IPPROTO_ICMPV6", 113, "IPPROTO_PGM", 132, "IPPROTO_SCTP", 255, "IPPROTO_RAW");
    private static final Map<Integer, String> NAMESPACES = Map.ofEntries(
            Map.entry(0, "NS_ALL"), Map.entry(1, "NS_SAP"), Map.entry(2, "NS_NDS"), Map.entry(3, "NS_PEER_BROWSE"),
            Map.entry(5, "NS_SLP"), Map.entry(6, "NS_DHCP"), Map.entry(10, "NS_TCPIP_LOCAL"),
            Map.entry(11, "NS_TCPIP_HOSTS"), Map.entry(12, "NS_DNS"), Map.entry(13, "NS_NETBT"),
            Map.entry(14, "NS_WINS"), Map.entry(15, "NS_NLA"), Map.entry(16, "NS_BTH"), Map.entry(20, "NS_NBP"),
            Map.entry(30, "NS_MS"), Map.entry(31, "NS_STDA"), Map.entry(32, "NS_NTDS"), Map.entry(37, "NS_EMAIL"),
            Map.entry(38, "NS_PNRPNAME"), Map.entry(39, "NS_PNRPCLOUD"), Map.entry(40, "NS_X500"),
            Map.entry(41, "NS_NIS"), Map.entry(42, "NS_NISPLUS"), Map.entry(50, "NS_WRQ"), Map.entry(60, "NS_NETDES"));

    private WinsockNames() {
    }

    static String addressFamily(Integer value) {
        return named(ADDRESS_FAMILIES, value);
    }

    static String socketType(Integer value) {
        return named(SOCKET_TYPES, value);
    }

    /** Protocol numbers are IPPROTO_* only for the IP families. */
    static String protocol(Integer value, Integer family) {
        boolean ip = family != null && (family == 2 || family == 23);
        return ip ? named(IP_PROTOCOLS, value) : number(value);
    }

    static String namespace(Integer value) {
        return named(NAMESPACES, value);
    }

    static String number(Integer value) {
        return value == null ? "not in source" : Integer.toString(value);
    }

    static String hex(Integer value) {
        return value == null ? "not in source" : String.format("0x%08X", value);
    }

    private static String named(Map<Integer, String> names, Integer value) {
        if (value == null) {
            return "not in source";
        }
        String name = names.get(value);
        return name == null ? value + " (unknown)" : name + " (" + value + ")";
    }
}
