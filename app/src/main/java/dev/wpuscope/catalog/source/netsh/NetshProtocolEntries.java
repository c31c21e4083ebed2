package dev.wpuscope.catalog.source.netsh;

import static dev.wpuscope.catalog.source.netsh.ProtocolField.ADDRESS_FAMILY;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.CATALOG_ENTRY_ID;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.DESCRIPTION;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.ENTRY_TYPE;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.MAX_ADDRESS_LENGTH;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.MIN_ADDRESS_LENGTH;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.PROTOCOL;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.PROTOCOL_CHAIN;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.PROTOCOL_CHAIN_LENGTH;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.PROVIDER_ID;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.PROVIDER_PATH;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.SERVICE_FLAGS;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.SOCKET_TYPE;
import static dev.wpuscope.catalog.source.netsh.ProtocolField.VERSION;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the identified lines of protocol blocks into catalog entries. What a block does not show stays
 * {@code null}; the entry type comes from Protocol Chain Length, or, when that line is missing, from an Entry Type
 * text that names a layered (0) or base (1) entry.
 */
final class NetshProtocolEntries {
    private final NetshEntryTypes entryTypes = new NetshEntryTypes();
    private final NetshWarnings warnings;

    NetshProtocolEntries(NetshWarnings warnings) {
        this.warnings = warnings;
    }

    /** Learns which Entry Type text goes with which chain length from every block that shows both. */
    void learn(Map<ProtocolField, NetshLine> fields) {
        if (fields.containsKey(ENTRY_TYPE) && fields.containsKey(PROTOCOL_CHAIN_LENGTH)) {
            entryTypes.learn(fields.get(ENTRY_TYPE).value(), EntryType.ofChainLength(integer(fields, PROTOCOL_CHAIN_LENGTH)));
        }
    }

    /** Which catalog the entry belongs to, or {@code null} when its Entry Type line is not there to tell. */
    static Bitness bitness(Map<ProtocolField, NetshLine> fields) {
        NetshLine entryType = fields.get(ENTRY_TYPE);
        if (entryType == null) {
            return null;
        }
        return NetshEntryTypes.isWow64(entryType.value()) ? Bitness.X86 : Bitness.X64;
    }

    CatalogEntry entry(int firstLine, Map<ProtocolField, NetshLine> fields) {
        Integer chainLength = chainLength(fields);
        NetshLine path = fields.get(PROVIDER_PATH);
        NetshLine description = fields.get(DESCRIPTION);
        NetshLine providerId = fields.get(PROVIDER_ID);
        ProtocolInfo info = new ProtocolInfo(
                hex(fields, SERVICE_FLAGS), null, null, null, null,
                providerId == null ? null : UUID.fromString(providerId.value().substring(1, 37)),
                integer(fields, CATALOG_ENTRY_ID),
                chainLength,
                chainEntries(fields, chainLength),
                integer(fields, VERSION),
                integer(fields, ADDRESS_FAMILY),
                integer(fields, MAX_ADDRESS_LENGTH),
                integer(fields, MIN_ADDRESS_LENGTH),
                integer(fields, SOCKET_TYPE),
                integer(fields, PROTOCOL),
                null, null, null, null, null,
                description == null ? null : description.value());
        return new CatalogEntry(info, path == null ? null : path.value(), null, null, "line " + firstLine);
    }

    private Integer chainLength(Map<ProtocolField, NetshLine> fields) {
        NetshLine entryType = fields.get(ENTRY_TYPE);
        EntryType named = entryType == null ? null : entryTypes.decode(entryType.value());
        Integer printed = integer(fields, PROTOCOL_CHAIN_LENGTH);
        if (printed == null) {
            return named == EntryType.LAYERED ? Integer.valueOf(0) : named == EntryType.BASE ? Integer.valueOf(1) : null;
        }
        EntryType derived = EntryType.ofChainLength(printed);
        if (named != null && named != derived) {
            warnings.add(entryType.number(), "Entry Type '" + entryType.value() + "' names a "
                    + named.label().toLowerCase() + " but Protocol Chain Length " + printed + " makes it a "
                    + derived.label().toLowerCase() + "; the chain length decides");
        }
        return printed;
    }

    private List<Integer> chainEntries(Map<ProtocolField, NetshLine> fields, Integer chainLength) {
        NetshLine chain = fields.get(PROTOCOL_CHAIN);
        if (chain == null) {
            if (chainLength != null && chainLength > 1 && fields.containsKey(PROTOCOL_CHAIN_LENGTH)) {
                warnings.add(fields.get(PROTOCOL_CHAIN_LENGTH).number(),
                        "Protocol Chain Length " + chainLength + " but no Protocol Chain line follows; chain unknown");
            }
            return null;
        }
        List<Integer> ids = ValueShape.parseChain(chain.value());
        if (chainLength == null || ids.size() != chainLength) {
            warnings.add(chain.number(), "the Protocol Chain lists " + ids.size() + " id(s) but Protocol Chain Length is "
                    + (chainLength == null ? "unknown" : chainLength) + ": " + chain.quoted());
        }
        return ids;
    }

    private static Integer integer(Map<ProtocolField, NetshLine> fields, ProtocolField field) {
        NetshLine line = fields.get(field);
        return line == null ? null : ValueShape.parseInteger(line.value());
    }

    private static Integer hex(Map<ProtocolField, NetshLine> fields, ProtocolField field) {
        NetshLine line = fields.get(field);
        return line == null ? null : ValueShape.parseHex(line.value());
    }
}
