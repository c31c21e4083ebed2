package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;

/**
 * Whether a source holds a catalog whole. Readers mark excerpts (a netsh dump cut mid-entry, registry keys
 * whose provider order cannot be known) with {@link Catalog#orderKnown()} false; in such a catalog an entry
 * that is not shown may still be installed, so checks that conclude from an absent entry do not run on it.
 */
public final class WholeCatalog {

    private WholeCatalog() {
    }

    public static boolean isWhole(Catalog catalog) {
        return catalog.orderKnown();
    }
}
