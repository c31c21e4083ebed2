package dev.wpuscope.catalog.diff;

import java.util.List;

/**
 * Everything that differs between two snapshots, per catalog, and their namespace providers.
 *
 * @param before     location of the first snapshot (e.g. the customer's export)
 * @param after      location of the second snapshot (e.g. a clean machine's)
 * @param catalogs   per catalog present in either snapshot, 64-bit first
 * @param namespaces namespace provider differences
 */
public record SnapshotDiff(String before, String after, List<CatalogDiff> catalogs, NamespaceDiff namespaces) {

    public SnapshotDiff {
        catalogs = List.copyOf(catalogs);
    }

    public boolean isEmpty() {
        return catalogs.stream().allMatch(CatalogDiff::isEmpty) && namespaces.isEmpty();
    }
}
