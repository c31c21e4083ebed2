package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ProviderFlag;
import dev.wpuscope.catalog.model.ServiceFlag;
import dev.wpuscope.ui.DetailRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every field of a catalog entry, decoded for the detail pane: flags by name, GUID, chain, DLL path. */
public final class EntryDetails {
    /** The name of the row with the DLL path (the DLL's own rows follow it). */
    static final String PROVIDER_DLL = "Provider DLL";
    private static final int MESSAGE_SIZE_MTU = 0x1;
    private static final int MESSAGE_SIZE_UNLIMITED = 0xFFFFFFFF;

    private EntryDetails() {
    }

    /** @param lspCategories LSP categories by provider GUID (empty when the source cannot know them) */
    public static List<DetailRow> of(EntryRow row, Map<UUID, Integer> lspCategories) {
        CatalogEntry entry = row.entry();
        ProtocolInfo info = entry.info();
        List<DetailRow> rows = new ArrayList<>();
        rows.add(new DetailRow("Name (szProtocol)", orAbsent(info.protocolName())));
        if (entry.protocolNameValue() != null) {
            rows.add(new DetailRow("ProtocolName value", entry.protocolNameValue()));
        }
        rows.add(new DetailRow("Entry type", row.typeText()));
        rows.add(new DetailRow("Catalog", row.bitness().label() + " (" + row.bitness().registryKey()
                + "), position " + row.position()));
        rows.add(new DetailRow("Catalog entry id", row.idText()));
        rows.add(new DetailRow("Provider id", guid(info.providerId())));
        rows.add(new DetailRow(PROVIDER_DLL, entry.providerPath() == null ? "not in source" : entry.providerPath()));
        rows.add(new DetailRow("Chain length", WinsockNames.number(info.chainLength())));
        rows.add(new DetailRow("Chain", chain(row)));
        rows.add(new DetailRow("Chain slots", info.chainEntries() == null ? "not in source"
                : info.chainEntries().stream().map(Integer::toUnsignedString).collect(Collectors.joining(", "))));
        rows.add(new DetailRow("Service flags 1", flags(info.serviceFlags1(), ServiceFlag::decode,
                ServiceFlag::constantName, ServiceFlag::unknownBits)));
        rows.add(new DetailRow("Service flags 2", WinsockNames.hex(info.serviceFlags2())));
        rows.add(new DetailRow("Service flags 3", WinsockNames.hex(info.serviceFlags3())));
        rows.add(new DetailRow("Service flags 4", WinsockNames.hex(info.serviceFlags4())));
        rows.add(new DetailRow("Provider flags", flags(info.providerFlags(), ProviderFlag::decode,
                ProviderFlag::constantName, ProviderFlag::unknownBits)));
        rows.add(new DetailRow("Version", WinsockNames.number(info.version())));
        rows.add(new DetailRow("Address family", WinsockNames.addressFamily(info.addressFamily())));
        rows.add(new DetailRow("Socket address size", WinsockNames.number(info.minSockAddr()) + " .. "
                + WinsockNames.number(info.maxSockAddr()) + " bytes"));
        rows.add(new DetailRow("Socket type", WinsockNames.socketType(info.socketType())));
        rows.add(new DetailRow("Protocol", WinsockNames.protocol(info.protocol(), info.addressFamily())));
        rows.add(new DetailRow("Protocol max offset", WinsockNames.number(info.protocolMaxOffset())));
        rows.add(new DetailRow("Network byte order", byteOrder(info.networkByteOrder())));
        rows.add(new DetailRow("Security scheme", info.securityScheme() != null && info.securityScheme() == 0
                ? "SECURITY_PROTOCOL_NONE (0)" : WinsockNames.number(info.securityScheme())));
        rows.add(new DetailRow("Message size", messageSize(info.messageSize())));
        rows.add(new DetailRow("Provider reserved", WinsockNames.hex(info.providerReserved())));
        if (info.providerId() != null && lspCategories.containsKey(info.providerId())) {
            rows.add(new DetailRow("LSP category", WinsockNames.hex(lspCategories.get(info.providerId()))));
        }
        rows.add(new DetailRow("Read from", orAbsent(entry.origin())));
        return rows;
    }

    static String guid(UUID id) {
        return id == null ? "not in source" : Guids.registryForm(id);
    }

    private static String chain(EntryRow row) {
        List<ChainLink> links = row.links();
        if (links.isEmpty()) {
            return "none (" + row.typeText().toLowerCase() + ")";
        }
        return links.stream()
                .map(l -> Integer.toUnsignedString(l.catalogEntryId()) + " "
                        + (l.isMissing() ? "MISSING" : EntryLabels.name(l.entry())))
                .collect(Collectors.joining("  →  "));
    }

    private static <F extends Enum<F>> String flags(Integer value, Function<Integer, Set<F>> decode,
                                                    Function<F, String> name, Function<Integer, Integer> unknown) {
        if (value == null) {
            return "not in source";
        }
        List<String> names = decode.apply(value).stream().map(name).collect(Collectors.toCollection(ArrayList::new));
        int rest = unknown.apply(value);
        if (rest != 0) {
            names.add(String.format("unknown 0x%X", rest));
        }
        return String.format("0x%08X", value) + (names.isEmpty() ? "" : "  " + String.join(" | ", names));
    }

    private static String byteOrder(Integer value) {
        if (value == null) {
            return "not in source";
        }
        return switch (value) {
            case 0 -> "BIGENDIAN (0)";
            case 1 -> "LITTLEENDIAN (1)";
            default -> value + " (unknown)";
        };
    }

    private static String messageSize(Integer value) {
        if (value == null) {
            return "not in source";
        }
        if (value == 0) {
            return "0 (stream-oriented)";
        }
        if (value == MESSAGE_SIZE_MTU) {
            return "1 (depends on the network MTU)";
        }
        if (value == MESSAGE_SIZE_UNLIMITED) {
            return "0xFFFFFFFF (message-oriented, no maximum)";
        }
        return Integer.toUnsignedString(value) + " bytes";
    }

    private static String orAbsent(String value) {
        return value == null ? "not in source" : value;
    }
}
