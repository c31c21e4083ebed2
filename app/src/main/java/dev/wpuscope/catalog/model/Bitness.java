package dev.wpuscope.catalog.model;

/** Which of the two Winsock catalogs an entry belongs to. */
public enum Bitness {
    /** {@code Catalog_Entries64}: the native catalog of 64-bit Windows. */
    X64("64-bit", "Catalog_Entries64"),
    /** {@code Catalog_Entries}: the 32-bit (WOW64) catalog, the only one on 32-bit Windows. */
    X86("32-bit", "Catalog_Entries");

    private final String label;
    private final String registryKey;

    Bitness(String label, String registryKey) {
        this.label = label;
        this.registryKey = registryKey;
    }

    /** The catalog of 64 or 32 bits, or empty for any other number. */
    public static java.util.Optional<Bitness> ofBits(int bits) {
        return switch (bits) {
            case 64 -> java.util.Optional.of(X64);
            case 32 -> java.util.Optional.of(X86);
            default -> java.util.Optional.empty();
        };
    }

    public String label() {
        return label;
    }

    /** Name of the subkey of {@code Protocol_Catalog9} that holds this catalog. */
    public String registryKey() {
        return registryKey;
    }
}
