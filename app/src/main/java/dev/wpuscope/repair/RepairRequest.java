package dev.wpuscope.repair;

import dev.wpuscope.catalog.diagnose.Defects;
import dev.wpuscope.catalog.diagnose.LspIdentity;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the user asks to repair. */
public sealed interface RepairRequest {

    /** For plans and messages, e.g. "remove the LSP {71708dd8-...}". */
    String describe();

    /** The entries of one catalog of the snapshot this request names (before layered entries take their chains). */
    List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog);

    /**
     * Remove LSPs: each GUID names an LSP by its layered entry's or one of its chains' GUID; the LSP goes from both
     * catalogs (recognised in the other one by {@link dev.wpuscope.catalog.diagnose.LspIdentity}).
     */
    record Lsp(List<UUID> providerIds) implements RepairRequest {
        public Lsp {
            providerIds = List.copyOf(providerIds);
        }

        @Override
        public String describe() {
            return "remove the LSP " + providerIds.stream().map(g -> "{" + g + "}").collect(Collectors.joining(", "));
        }

        /** The LSPs' layered entries in this catalog, found by {@link LspIdentity}, and the chains with the GUIDs. */
        @Override
        public List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog) {
            Set<String> identities = new HashSet<>();
            for (Catalog any : snapshot.catalogs().values()) {
                seeds(any, providerIds).forEach(layered -> identities.addAll(LspIdentity.of(layered)));
            }
            return catalog.entries().stream().filter(e -> providerIds.contains(e.info().providerId())
                    || e.info().entryType() == EntryType.LAYERED
                    && LspIdentity.of(e).stream().anyMatch(identities::contains)).toList();
        }

        /** Layered entries with one of the GUIDs, or named first by a chain with one of them. */
        static List<CatalogEntry> seeds(Catalog catalog, List<UUID> guids) {
            Set<CatalogEntry> seeds = new LinkedHashSet<>();
            for (CatalogEntry e : catalog.entries()) {
                if (!guids.contains(e.info().providerId())) {
                    continue;
                }
                if (e.info().entryType() == EntryType.LAYERED) {
                    seeds.add(e);
                } else if (e.info().entryType() == EntryType.CHAIN) {
                    catalog.byId(e.info().chain().get(0)).filter(l -> l.info().entryType() == EntryType.LAYERED)
                            .ifPresent(seeds::add);
                }
            }
            return List.copyOf(seeds);
        }
    }

    /** Remove entries by catalog id, from each catalog that has the id (a layered entry takes its chains along). */
    record Entries(List<Integer> ids) implements RepairRequest {
        public Entries {
            ids = List.copyOf(ids);
        }

        @Override
        public String describe() {
            return "remove the entries with catalog id " + ids.stream().map(Integer::toUnsignedString)
                    .collect(Collectors.joining(", "));
        }

        @Override
        public List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog) {
            return catalog.entries().stream().filter(e -> ids.contains(e.id())).toList();
        }
    }

    /** Remove chains whose layered entry is gone (WPS002) and layered entries no chain uses (WPS003). */
    record Orphans() implements RepairRequest {
        @Override
        public String describe() {
            return "remove orphaned chains and unused layered entries (WPS002, WPS003)";
        }

        @Override
        public List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog) {
            List<CatalogEntry> orphans = new ArrayList<>(Defects.orphanedChains(catalog));
            orphans.addAll(Defects.unusedLayeredEntries(catalog));
            return orphans;
        }
    }

    /** Remove entries whose chain cannot work (WPS001, WPS004, WPS005). */
    record Broken() implements RepairRequest {
        @Override
        public String describe() {
            return "remove entries whose chain is broken (WPS001, WPS004, WPS005)";
        }

        @Override
        public List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog) {
            return Defects.brokenEntries(catalog);
        }
    }

    /** Move each chain that socket() bypasses directly before the entry it takes instead (WPS015). */
    record Order() implements RepairRequest {
        @Override
        public String describe() {
            return "put each bypassed chain before the entry socket() takes instead (WPS015)";
        }

        /** Moves chains; removes nothing. */
        @Override
        public List<CatalogEntry> entriesIn(CatalogSnapshot snapshot, Catalog catalog) {
            return List.of();
        }
    }
}
