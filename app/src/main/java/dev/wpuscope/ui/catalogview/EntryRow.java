package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the entries table: an entry with the catalog it belongs to and its provider-order position.
 *
 * @param position 1-based provider order within its catalog
 */
public record EntryRow(Catalog catalog, int position, CatalogEntry entry) {

    public Bitness bitness() {
        return catalog.bitness();
    }

    public String idText() {
        return entry.id() == null ? "?" : Integer.toUnsignedString(entry.id());
    }

    public String typeText() {
        EntryType type = entry.info().entryType();
        return type == null ? "unknown" : type.label();
    }

    /** The chain as ids, e.g. "1020 → 1001"; empty for entries that are not chains. */
    public String chainText() {
        return links().stream()
                .map(link -> Integer.toUnsignedString(link.catalogEntryId()) + (link.isMissing() ? " (missing)" : ""))
                .collect(Collectors.joining(" → "));
    }

    public List<ChainLink> links() {
        return catalog.resolveChain(entry);
    }

    /** Whether this is a chain that names an id the catalog does not have. */
    public boolean hasMissingLink() {
        return links().stream().anyMatch(ChainLink::isMissing);
    }

    public String pathText() {
        return entry.providerPath() == null ? "" : entry.providerPath();
    }
}
