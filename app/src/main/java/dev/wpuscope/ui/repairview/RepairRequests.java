package dev.wpuscope.ui.repairview;

import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.repair.RepairRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which repair "Repair…" asks the planner for, from what the user chose in the Catalog view: the same requests as
 * `wpuscope repair plan --lsp GUID | --entry ID | --orphans | --broken | --order`. The planner decides whether the
 * repair is safe and says why not.
 */
public final class RepairRequests {

    private RepairRequests() {
    }

    /**
     * Orphans (WPS002, WPS003), broken chains (WPS001, WPS004, WPS005) and provider order (WPS015) have their own
     * repair; any other finding about an LSP offers removing that LSP; findings about nothing removable have none.
     */
    public static Optional<RepairRequest> forFinding(CatalogSnapshot snapshot, Finding finding) {
        return switch (finding.ruleId()) {
            case "WPS002", "WPS003" -> Optional.of(new RepairRequest.Orphans());
            case "WPS001", "WPS004", "WPS005" -> Optional.of(new RepairRequest.Broken());
            case "WPS015" -> Optional.of(new RepairRequest.Order());
            default -> forLsps(snapshot, finding.entries());
        };
    }

    /** Removing the LSPs whose layered entries or chains these are; empty when none of them is an LSP's. */
    public static Optional<RepairRequest> forLsps(CatalogSnapshot snapshot, List<EntryRef> entries) {
        List<UUID> guids = entries.stream().filter(ref -> ref.catalogEntryId() != null)
                .flatMap(ref -> snapshot.catalog(ref.catalog()).flatMap(c -> c.byId(ref.catalogEntryId())
                        .filter(RepairRequests::isLsp).map(e -> layeredGuid(c, e))).stream())
                .distinct().toList();
        return guids.isEmpty() ? Optional.empty() : Optional.of(new RepairRequest.Lsp(guids));
    }

    /**
     * An LSP's layered entry or chain: remove that LSP, named by its layered entry's GUID when the catalog has it; any
     * other entry: remove it by id (the planner says why not).
     */
    public static Optional<RepairRequest> forEntry(Catalog catalog, CatalogEntry entry) {
        if (isLsp(entry)) {
            return Optional.of(new RepairRequest.Lsp(List.of(layeredGuid(catalog, entry))));
        }
        return Optional.ofNullable(entry.id()).map(id -> new RepairRequest.Entries(List.of(id)));
    }

    /** A layered entry's GUID; for a chain, its layered entry's when the catalog has it, else the chain's own. */
    private static UUID layeredGuid(Catalog catalog, CatalogEntry lspEntry) {
        List<Integer> chain = lspEntry.info().chain();
        CatalogEntry layered = lspEntry.info().entryType() == EntryType.CHAIN && !chain.isEmpty()
                ? catalog.byId(chain.get(0)).filter(RepairRequests::isLsp).orElse(lspEntry) : lspEntry;
        return layered.info().providerId();
    }

    private static boolean isLsp(CatalogEntry entry) {
        EntryType type = entry.info().entryType();
        return (type == EntryType.LAYERED || type == EntryType.CHAIN) && entry.info().providerId() != null;
    }
}
