package dev.wpuscope.catalog.source.netsh;

import static dev.wpuscope.catalog.source.netsh.ValueShape.CHAIN;
import static dev.wpuscope.catalog.source.netsh.ValueShape.GUID;
import static dev.wpuscope.catalog.source.netsh.ValueShape.HEX;
import static dev.wpuscope.catalog.source.netsh.ValueShape.INTEGER;
import static dev.wpuscope.catalog.source.netsh.ValueShape.TEXT;

/** The lines of a "Winsock Catalog Provider Entry" block, in the order netsh prints them. */
enum ProtocolField implements NetshFieldSpec {
    ENTRY_TYPE(new Format("Entry Type", TEXT, false)),
    DESCRIPTION(new Format("Description", TEXT, false)),
    PROVIDER_ID(new Format("Provider ID", GUID, false)),
    PROVIDER_PATH(new Format("Provider Path", TEXT, false)),
    CATALOG_ENTRY_ID(new Format("Catalog Entry ID", INTEGER, false)),
    VERSION(new Format("Version", INTEGER, false)),
    ADDRESS_FAMILY(new Format("Address Family", INTEGER, false)),
    MAX_ADDRESS_LENGTH(new Format("Max Address Length", INTEGER, false)),
    MIN_ADDRESS_LENGTH(new Format("Min Address Length", INTEGER, false)),
    SOCKET_TYPE(new Format("Socket Type", INTEGER, false)),
    PROTOCOL(new Format("Protocol", INTEGER, false)),
    SERVICE_FLAGS(new Format("Service Flags", HEX, false)),
    PROTOCOL_CHAIN_LENGTH(new Format("Protocol Chain Length", INTEGER, false)),
    /** Printed only for protocol chains (chain length above 1). */
    PROTOCOL_CHAIN(new Format("Protocol Chain", CHAIN, true));

    private final Format format;

    ProtocolField(Format format) {
        this.format = format;
    }

    @Override
    public Format format() {
        return format;
    }
}
