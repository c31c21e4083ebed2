package dev.wpuscope.catalog.model;

/** Where a catalog snapshot was read from. */
public enum SourceKind {
    REG_EXPORT("Registry export (.reg)"),
    NETSH("netsh winsock show catalog"),
    SNAPSHOT("wpuscope snapshot"),
    LIVE("Live Windows catalog");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
