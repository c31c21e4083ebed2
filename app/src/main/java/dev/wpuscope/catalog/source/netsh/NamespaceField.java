package dev.wpuscope.catalog.source.netsh;

import static dev.wpuscope.catalog.source.netsh.ValueShape.GUID;
import static dev.wpuscope.catalog.source.netsh.ValueShape.INTEGER;
import static dev.wpuscope.catalog.source.netsh.ValueShape.TEXT;

/**
 * The lines of a namespace provider block ("Winsock Namespace Provider Entry"), in the order netsh prints them.
 * netsh prints no DLL path, address family or StoresServiceClassInfo for namespace providers.
 */
enum NamespaceField implements NetshFieldSpec {
    DESCRIPTION(new Format("Description", TEXT, false)),
    PROVIDER_ID(new Format("Provider ID", GUID, false)),
    NAME_SPACE(new Format("Name Space", INTEGER, false)),
    ACTIVE(new Format("Active", INTEGER, false)),
    VERSION(new Format("Version", INTEGER, false));

    private final Format format;

    NamespaceField(Format format) {
        this.format = format;
    }

    @Override
    public Format format() {
        return format;
    }
}
