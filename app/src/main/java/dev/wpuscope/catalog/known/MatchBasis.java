package dev.wpuscope.catalog.known;

/** What a recognition rests on, strongest first. */
public enum MatchBasis {
    /** The entry's provider GUID is one the product is known to use. */
    GUID("matched by GUID"),
    /** The entry's DLL has a file name the product is known to install. */
    DLL_NAME("matched by DLL name"),
    /** The entry is named as the product names its layered entry (or a chain over it). */
    PROTOCOL_NAME("matched by protocol name");

    private final String label;

    MatchBasis(String label) {
        this.label = label;
    }

    /** "matched by GUID" */
    public String label() {
        return label;
    }
}
