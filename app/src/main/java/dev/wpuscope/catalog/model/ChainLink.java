package dev.wpuscope.catalog.model;

/**
 * One position of a resolved protocol chain.
 *
 * @param catalogEntryId the id the chain names
 * @param entry          the entry with that id, or {@code null} when the catalog has none (a broken chain)
 */
public record ChainLink(int catalogEntryId, CatalogEntry entry) {

    public boolean isMissing() {
        return entry == null;
    }
}
