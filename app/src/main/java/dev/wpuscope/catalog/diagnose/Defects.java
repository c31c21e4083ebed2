package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.List;
import java.util.Optional;

/**
 * The catalog entries behind some findings, by the rules' own definitions, for those who act on them (repair):
 * leftovers of an LSP (WPS002, WPS003), entries whose chain cannot work (WPS001, WPS004, WPS005) and chains that
 * socket() bypasses (WPS015). Each list is in provider order.
 */
public final class Defects {

    private Defects() {
    }

    /** WPS002: chains whose first link, the LSP's layered entry, is gone. */
    public static List<CatalogEntry> orphanedChains(Catalog catalog) {
        return InstalledLsp.of(catalog).stream().filter(InstalledLsp::orphaned)
                .flatMap(lsp -> lsp.chains().stream()).toList();
    }

    /** WPS003: layered entries that no chain names. */
    public static List<CatalogEntry> unusedLayeredEntries(Catalog catalog) {
        return UnusedLayeredEntryRule.unused(catalog);
    }

    /** WPS004 (ChainLen outside 0..7), WPS001 (a lower link names no entry), WPS005 (a link of the wrong type). */
    public static List<CatalogEntry> brokenEntries(Catalog catalog) {
        return catalog.entries().stream().filter(entry -> {
            EntryType type = entry.info().entryType();
            if (type == EntryType.INVALID) {
                return true;
            }
            return type == EntryType.CHAIN
                    && (!MissingChainLinkRule.missingLowerLinks(catalog.resolveChain(entry)).isEmpty()
                    || !ChainShapeRule.wrongLinks(catalog.resolveChain(entry)).isEmpty());
        }).toList();
    }

    /** WPS015: chains that come after an entry socket() takes instead for their protocol, per catalog. */
    public static List<CatalogEntry> bypassedChains(Catalog catalog) {
        return InstalledLsp.of(catalog).stream()
                .flatMap(lsp -> ChainBehindBaseRule.bypassed(catalog, lsp).stream()).toList();
    }

    /** The entry socket() takes for a chain's protocol: the first base provider or chain with it in provider order. */
    public static Optional<CatalogEntry> takenInstead(Catalog catalog, CatalogEntry chain) {
        return Optional.ofNullable(ChainBehindBaseRule.firstWithSameProtocol(catalog, chain));
    }
}
