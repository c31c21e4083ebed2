package dev.wpuscope.catalog.known;

/**
 * A catalog entry recognised as a known product.
 *
 * @param product the product
 * @param basis   what the recognition rests on
 * @param matched the value that matched: the GUID, the DLL file name or the protocol name
 */
public record EntryMatch(KnownProduct product, MatchBasis basis, String matched) {

    /** "Lavasoft Web Companion (matched by GUID {2B611370-…})" */
    public String describe() {
        return product.displayName() + " (" + basis.label() + " " + matched + ")";
    }
}
