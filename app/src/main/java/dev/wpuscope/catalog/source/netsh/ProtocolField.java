package dev.wpuscope.catalog.source.netsh;

/** The lines of a "Winsock Catalog Provider Entry" block, in the order netsh prints them. */
enum ProtocolField implements NetshFieldSpec {
    ENTRY_TYPE("Entry Type", ValueShape.TEXT),
    DESCRIPTION("Description", ValueShape.TEXT),
    PROVIDER_ID("Provider ID", ValueShape.GUID),
    PROVIDER_PATH("Provider Path", ValueShape.TEXT),
    CATALOG_ENTRY_ID("Catalog Entry ID", ValueShape.INTEGER),
    VERSION("Version", ValueShape.INTEGER),
    ADDRESS_FAMILY("Address Family", ValueShape.INTEGER),
    MAX_ADDRESS_LENGTH("Max Address Length", ValueShape.INTEGER),
    MIN_ADDRESS_LENGTH("Min Address Length", ValueShape.INTEGER),
    SOCKET_TYPE("Socket Type", ValueShape.INTEGER),
    PROTOCOL("Protocol", ValueShape.INTEGER),
    SERVICE_FLAGS("Service Flags", ValueShape.HEX),
    PROTOCOL_CHAIN_LENGTH("Protocol Chain Length", ValueShape.INTEGER),
    /** Printed only for protocol chains (chain length above 1). */
    PROTOCOL_CHAIN("Protocol Chain", ValueShape.CHAIN);

    private final String englishLabel;
    private final ValueShape shape;

    ProtocolField(String englishLabel, ValueShape shape) {
        this.englishLabel = englishLabel;
        this.shape = shape;
    }

    @Override
    public String englishLabel() {
        return englishLabel;
    }

    @Override
    public ValueShape shape() {
        return shape;
    }

    @Override
    public boolean optional() {
        return this == PROTOCOL_CHAIN;
    }
}
