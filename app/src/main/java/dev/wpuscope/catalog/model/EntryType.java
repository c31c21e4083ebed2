package dev.wpuscope.catalog.model;

/** What a catalog entry is, derived from its ProtocolChain.ChainLen. */
public enum EntryType {
    /** ChainLen 0: an LSP's hidden layered entry, the one that names the LSP's DLL. */
    LAYERED("Layered entry"),
    /** ChainLen 1: a base service provider. */
    BASE("Base provider"),
    /** ChainLen 2..7: a protocol chain (LSP entry first, base provider last). */
    CHAIN("Protocol chain"),
    /** ChainLen negative or above MAX_PROTOCOL_CHAIN (7). */
    INVALID("Invalid chain length");

    public static final int MAX_PROTOCOL_CHAIN = 7;

    private final String label;

    EntryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EntryType ofChainLength(int chainLength) {
        if (chainLength == 0) {
            return LAYERED;
        }
        if (chainLength == 1) {
            return BASE;
        }
        if (chainLength > 1 && chainLength <= MAX_PROTOCOL_CHAIN) {
            return CHAIN;
        }
        return INVALID;
    }
}
