package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.NamespaceProvider;

/** A namespace provider as the namespace table shows it. */
public record NamespaceRow(NamespaceProvider provider) {

    public String catalogText() {
        return provider.bitness() == null ? "" : provider.bitness().label();
    }

    public String displayText() {
        return provider.displayString() == null ? "" : provider.displayString();
    }

    public String libraryText() {
        return provider.libraryPath() == null ? "" : provider.libraryPath();
    }

    public String namespaceText() {
        return WinsockNames.namespace(provider.supportedNameSpace());
    }

    public String enabledText() {
        return provider.enabled() == null ? "not in source" : provider.enabled() ? "yes" : "no (disabled)";
    }

    public String providerIdText() {
        return EntryDetails.guid(provider.providerId());
    }

    public String versionText() {
        return WinsockNames.number(provider.version());
    }
}
