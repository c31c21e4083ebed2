package dev.wpuscope.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One protocol catalog (64-bit or 32-bit) with its entries in provider order.
 *
 * @param orderKnown whether the entries' order is the real provider order (false for sources such as
 *                   partial netsh excerpts where the order is only the order printed)
 */
public record Catalog(Bitness bitness, List<CatalogEntry> entries, boolean orderKnown) {

    public Catalog {
        entries = List.copyOf(entries);
    }

    /** The first entry with this catalog id. */
    public Optional<CatalogEntry> byId(int catalogEntryId) {
        for (CatalogEntry e : entries) {
            if (e.id() != null && e.id() == catalogEntryId) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The chain of a protocol-chain entry resolved link by link; empty for other entry types. */
    public List<ChainLink> resolveChain(CatalogEntry chainEntry) {
        if (chainEntry.info().entryType() != EntryType.CHAIN) {
            return List.of();
        }
        List<ChainLink> links = new ArrayList<>();
        for (int id : chainEntry.info().chain()) {
            links.add(new ChainLink(id, byId(id).orElse(null)));
        }
        return links;
    }

    /** Entries of one type, in provider order. */
    public List<CatalogEntry> entriesOfType(EntryType type) {
        return entries.stream().filter(e -> e.info().entryType() == type).toList();
    }
}
