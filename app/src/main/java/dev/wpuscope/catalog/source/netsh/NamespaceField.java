package dev.wpuscope.catalog.source.netsh;

/**
 * The lines of a namespace provider block ("Winsock Namespace Provider Entry"), in the order netsh prints them.
 * netsh prints no DLL path, address family or StoresServiceClassInfo for namespace providers.
 */
enum NamespaceField implements NetshFieldSpec {
    DESCRIPTION("Description", ValueShape.TEXT),
    PROVIDER_ID("Provider ID", ValueShape.GUID),
    NAME_SPACE("Name Space", ValueShape.INTEGER),
    ACTIVE("Active", ValueShape.INTEGER),
    VERSION("Version", ValueShape.INTEGER);

    private final String englishLabel;
    private final ValueShape shape;

    NamespaceField(String englishLabel, ValueShape shape) {
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
        return false;
    }
}
