package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogEntry;

/** How plans, refusals and steps name a catalog entry: {@code entry 1021 "ierd_tgp_lsp64 over [...]"}. */
public final class EntryDescription {

    private EntryDescription() {
    }

    public static String of(CatalogEntry entry) {
        return "entry " + (entry.id() == null ? "?" : Integer.toUnsignedString(entry.id())) + " \""
                + entry.displayName() + "\"";
    }
}
