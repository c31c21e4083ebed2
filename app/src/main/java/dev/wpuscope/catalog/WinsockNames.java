package dev.wpuscope.catalog;

import dev.wpuscope.catalog.model.LspCategory;
import dev.wpuscope.catalog.model.ProviderFlag;
import dev.wpuscope.catalog.model.ServiceFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Readable names of Winsock numbers (winsock2.h, ws2def.h, ws2bth.h, hvsocket.h, ws2spi.h): address
 * families, socket types, protocols, namespaces, flag sets and LSP categories. Every text keeps the number,
 * e.g. {@code AF_INET (2)}, and a number without a constant stays a plain number.
 */
public final class WinsockNames {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 23;
    private static final int AF_BTH = 32;
    private static final int AF_HYPERV = 34;

    private static final Map<Integer, String> FAMILIES = Map.ofEntries(
            Map.entry(0, "AF_UNSPEC"), Map.entry(1, "AF_UNIX"), Map.entry(AF_INET, "AF_INET"),
            Map.entry(3, "AF_IMPLINK"), Map.entry(4, "AF_PUP"), Map.entry(5, "AF_CHAOS"), Map.entry(6, "AF_IPX"),
            Map.entry(7, "AF_ISO"), Map.entry(8, "AF_ECMA"), Map.entry(9, "AF_DATAKIT"), Map.entry(10, "AF_CCITT"),
            Map.entry(11, "AF_SNA"), Map.entry(12, "AF_DECnet"), Map.entry(13, "AF_DLI"), Map.entry(14, "AF_LAT"),
            Map.entry(15, "AF_HYLINK"), Map.entry(16, "AF_APPLETALK"), Map.entry(17, "AF_NETBIOS"),
            Map.entry(18, "AF_VOICEVIEW"), Map.entry(19, "AF_FIREFOX"), Map.entry(20, "AF_UNKNOWN1"),
            Map.entry(21, "AF_BAN"), Map.entry(22, "AF_ATM"), Map.entry(AF_INET6, "AF_INET6"),
            Map.entry(24, "AF_CLUSTER"), Map.entry(25, "AF_12844"), Map.entry(26, "AF_IRDA"),
            Map.entry(28, "AF_NETDES"), Map.entry(29, "AF_TCNPROCESS"), Map.entry(30, "AF_TCNMESSAGE"),
            Map.entry(31, "AF_ICLFXBM"), Map.entry(AF_BTH, "AF_BTH"), Map.entry(33, "AF_LINK"),
            Map.entry(AF_HYPERV, "AF_HYPERV"));

    private static final Map<Integer, String> SOCKET_TYPES = Map.of(
            1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW", 4, "SOCK_RDM", 5, "SOCK_SEQPACKET");

    private static final Map<Integer, String> IP_PROTOCOLS = Map.ofEntries(
            Map.entry(0, "IPPROTO_IP"), Map.entry(1, "IPPROTO_ICMP"), Map.entry(2, "IPPROTO_IGMP"),
            Map.entry(6, "IPPROTO_TCP"), Map.entry(17, "IPPROTO_UDP"), Map.entry(41, "IPPROTO_IPV6"),
            Map.entry(58, "IPPROTO_ICMPV6"), Map.entry(113, "IPPROTO_PGM"), Map.entry(115, "IPPROTO_L2TP"),
            Map.entry(132, "IPPROTO_SCTP"), Map.entry(255, "IPPROTO_RAW"));

    private static final Map<Integer, String> BLUETOOTH_PROTOCOLS = Map.of(3, "BTHPROTO_RFCOMM", 0x100,
            "BTHPROTO_L2CAP");

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

    public static String addressFamily(Integer family) {
        return named(FAMILIES, family);
    }

    public static String socketType(Integer type) {
        return named(SOCKET_TYPES, type);
    }

    /** A protocol number, named when its address family defines it. */
    public static String protocol(Integer family, Integer protocol) {
        if (family == null) {
            return named(Map.of(), protocol);
        }
        return switch (family) {
            case AF_INET, AF_INET6 -> named(IP_PROTOCOLS, protocol);
            case AF_BTH -> named(BLUETOOTH_PROTOCOLS, protocol);
            case AF_HYPERV -> named(Map.of(1, "HV_PROTOCOL_RAW"), protocol);
            default -> named(Map.of(), protocol);
        };
    }

    public static String namespace(Integer namespace) {
        return named(NAMESPACES, namespace);
    }

    /** {@code 0x00020066 XP1_... | XP1_...}; bits without a name are shown as hex. */
    public static String serviceFlags(Integer flags) {
        return flagSet(flags, f -> names(ServiceFlag.decode(f), ServiceFlag::constantName), ServiceFlag::unknownBits);
    }

    public static String providerFlags(Integer flags) {
        return flagSet(flags, f -> names(ProviderFlag.decode(f), ProviderFlag::constantName),
                ProviderFlag::unknownBits);
    }

    public static String lspCategories(Integer categories) {
        return flagSet(categories, c -> names(LspCategory.decode(c), LspCategory::constantName),
                LspCategory::unknownBits);
    }

    private static <F> List<String> names(Set<F> flags, Function<F, String> name) {
        return flags.stream().map(name).toList();
    }

    private static String flagSet(Integer flags, Function<Integer, List<String>> names,
            Function<Integer, Integer> unknownBits) {
        if (flags == null) {
            return "unknown";
        }
        List<String> parts = new ArrayList<>(names.apply(flags));
        int unknown = unknownBits.apply(flags);
        if (unknown != 0) {
            parts.add(String.format("0x%x", unknown));
        }
        return String.format("0x%08x", flags) + (parts.isEmpty() ? "" : " " + String.join(" | ", parts));
    }

    private static String named(Map<Integer, String> names, Integer value) {
        if (value == null) {
            return "unknown";
        }
        String name = names.get(value);
        return name == null ? String.valueOf(value) : name + " (" + value + ")";
    }
}
