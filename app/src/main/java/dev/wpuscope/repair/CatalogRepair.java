package dev.wpuscope.repair;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.change.CatalogComparison;
import dev.wpuscope.change.CatalogEdit;
import java.util.List;

/**
 * The repair of one catalog: the catalog it was planned from and the catalog it must become (entries removed,
 * chains moved; every other entry unchanged).
 *
 * @param removed  entries of {@code before} that the repair removes, in provider order (chains of an LSP are
 *                 deinstalled before its layered entry whatever this order)
 * @param moved    chains that the repair moves in provider order
 */
public record CatalogRepair(Catalog before, Catalog expected, List<CatalogEntry> removed, List<CatalogEntry> moved)
        implements CatalogEdit {

    public CatalogRepair {
        removed = List.copyOf(removed);
        moved = List.copyOf(moved);
    }

    public Bitness bitness() {
        return before.bitness();
    }

    public boolean changesNothing() {
        return removed.isEmpty() && moved.isEmpty();
    }

    /**
     * Removed chains that name an id the catalog does not hold: WSCInstallProvider refuses such a chain, so if the
     * repair fails after they are deinstalled, the rollback cannot put them back (they never worked).
     */
    public List<CatalogEntry> unrestorable() {
        return removed.stream().filter(e -> e.info().entryType() == EntryType.CHAIN
                && e.info().chain().stream().anyMatch(id -> before.byId(id).isEmpty())).toList();
    }

    /** Compared as {@link CatalogFingerprint} does: a plan made from an export applies to the live catalog. */
    @Override
    public List<String> differencesFrom(Catalog now) {
        return CatalogComparison.differences(CatalogFingerprint.nameless(before.entries()),
                CatalogFingerprint.nameless(now.entries()));
    }

    /**
     * The catalog to reach, built from the catalog found now (the same catalog as {@code before}, with the names
     * the live catalog reports): its entries that {@code expected} keeps, in {@code expected}'s order.
     */
    public Catalog expectedFrom(Catalog now) {
        List<CatalogEntry> entries = expected.entries().stream()
                .map(e -> now.byId(e.id()).orElseThrow(() -> new IllegalStateException("entry "
                        + Integer.toUnsignedString(e.id()) + " is not in the catalog found")))
                .toList();
        return new Catalog(now.bitness(), entries, true);
    }
}
