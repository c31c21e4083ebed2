package dev.wpuscope.catalog.diagnose;

/** How bad a finding is, from least to most severe. */
public enum Severity {
    /** Worth knowing; nothing is broken. */
    INFO("Info"),
    /** Works, but some applications or traffic are affected, or the catalog carries leftovers. */
    WARNING("Warning"),
    /** Broken: sockets of the entries concerned fail or bypass their providers. */
    ERROR("Error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAbove(Severity other) {
        return compareTo(other) > 0;
    }
}
