package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.List;

/**
 * Differences of one catalog (64-bit or 32-bit) between two snapshots.
 *
 * @param bitness       which catalog
 * @param inBefore      whether the first snapshot has this catalog
 * @param inAfter       whether the second snapshot has this catalog
 * @param added         entries only in the second snapshot, in its provider order
 * @param removed       entries only in the first snapshot, in its provider order
 * @param changed       entries in both whose fields differ
 * @param moved         entries in both that moved in provider order (empty when either order is unknown)
 * @param orderCompared whether both snapshots know the provider order, so that {@code moved} means something
 */
public record CatalogDiff(
        Bitness bitness,
        boolean inBefore,
        boolean inAfter,
        List<CatalogEntry> added,
        List<CatalogEntry> removed,
        List<EntryChange> changed,
        List<OrderChange> moved,
        boolean orderCompared) {

    public CatalogDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        moved = List.copyOf(moved);
    }

    public boolean isEmpty() {
        return inBefore == inAfter && added.isEmpty() && removed.isEmpty() && changed.isEmpty() && moved.isEmpty();
    }
}
