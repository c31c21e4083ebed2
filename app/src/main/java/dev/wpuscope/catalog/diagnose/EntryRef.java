package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.NamespaceProvider;

/**
 * An entry a finding is about.
 *
 * @param catalog        the catalog (64-bit or 32-bit) the entry belongs to
 * @param catalogEntryId its catalog id; {@code null} for a namespace provider or when the source has none
 * @param name           a readable name
 */
public record EntryRef(Bitness catalog, Integer catalogEntryId, String name) {

    public static EntryRef of(Bitness catalog, CatalogEntry entry) {
        return new EntryRef(catalog, entry.id(), EntryLabels.name(entry));
    }

    /** A chain link that names an id the catalog does not have. */
    public static EntryRef missing(Bitness catalog, int catalogEntryId) {
        return new EntryRef(catalog, catalogEntryId, "(missing entry)");
    }

    public static EntryRef of(NamespaceProvider provider) {
        return new EntryRef(provider.bitness(), null, "namespace provider " + EntryLabels.name(provider));
    }

    /** "name (64-bit #1007)" */
    @Override
    public String toString() {
        String id = catalogEntryId == null ? "" : " #" + Integer.toUnsignedString(catalogEntryId);
        return name + " (" + catalog.label() + id + ")";
    }
}
