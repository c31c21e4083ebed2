package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layered service provider of a catalog as the catalog shows it: its hidden layered entry (ChainLen 0)
 * and the protocol chains whose first link names it.
 *
 * @param bitness   the catalog
 * @param layeredId the catalog id of the layered entry (the chains' first link)
 * @param layered   the layered entry, or {@code null} when the catalog has none with that id
 * @param chains    the chains whose first link is {@code layeredId}, in provider order
 */
record InstalledLsp(Bitness bitness, int layeredId, CatalogEntry layered, List<CatalogEntry> chains) {

    /** Every LSP of the catalog: each layered entry (with or without chains) and each first-link id of a chain. */
    static List<InstalledLsp> of(Catalog catalog) {
        Map<Integer, List<CatalogEntry>> chainsByTop = new LinkedHashMap<>();
        for (CatalogEntry layered : catalog.entriesOfType(EntryType.LAYERED)) {
            if (layered.id() != null) {
                chainsByTop.putIfAbsent(layered.id(), new ArrayList<>());
            }
        }
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            if (!chain.info().chain().isEmpty()) {
                chainsByTop.computeIfAbsent(chain.info().chain().get(0), id -> new ArrayList<>()).add(chain);
            }
        }
        List<InstalledLsp> lsps = new ArrayList<>();
        chainsByTop.forEach((id, chains) -> lsps.add(new InstalledLsp(
                catalog.bitness(), id, catalog.byId(id).orElse(null), List.copyOf(chains))));
        return lsps;
    }

    /** WPS002: chains are left but the layered entry they name first is gone. */
    boolean orphaned() {
        return layered == null;
    }

    /** The layered entry's name, else the LSP part of a chain name ("X over [Y]"), else "LSP #id". */
    String name() {
        if (layered != null) {
            return EntryLabels.name(layered);
        }
        for (CatalogEntry chain : chains) {
            String name = chain.displayName();
            int over = name.indexOf(" over [");
            if (over > 0) {
                return name.substring(0, over);
            }
        }
        return "LSP #" + Integer.toUnsignedString(layeredId);
    }

    /** The layered entry (when present) and the given chains, as entries concerned. */
    List<EntryRef> refs(List<CatalogEntry> someChains) {
        List<EntryRef> refs = new ArrayList<>();
        if (layered != null) {
            refs.add(EntryRef.of(bitness, layered));
        }
        someChains.forEach(c -> refs.add(EntryRef.of(bitness, c)));
        return refs;
    }

    /** The base provider each chain ends in, when the catalog has it. */
    List<CatalogEntry> baseProviders(Catalog catalog) {
        List<CatalogEntry> bases = new ArrayList<>();
        for (CatalogEntry chain : chains) {
            List<Integer> ids = chain.info().chain();
            catalog.byId(ids.get(ids.size() - 1))
                    .filter(e -> e.info().entryType() == EntryType.BASE)
                    .ifPresent(bases::add);
        }
        return bases;
    }
}
