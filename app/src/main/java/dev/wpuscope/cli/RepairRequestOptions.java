package dev.wpuscope.cli;

import dev.wpuscope.repair.RepairRequest;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Option;

/** What to repair: exactly one of these options. */
final class RepairRequestOptions {

    @Option(names = "--lsp", paramLabel = "GUID", split = ",", arity = "1..*",
            description = "remove the LSP with this layered-entry or chain GUID from both catalogs, chains first"
                    + " (repeat to remove an LSP layered above it too)")
    List<UUID> lsps;

    @Option(names = "--entry", paramLabel = "ID", split = ",", arity = "1..*",
            description = "remove entries by catalog id (a layered entry takes its chains along)")
    List<Integer> entries;

    @Option(names = "--orphans", description = "remove chains whose layered entry is gone and unused layered entries"
            + " (WPS002, WPS003)")
    boolean orphans;

    @Option(names = "--broken", description = "remove entries whose chain is broken (WPS001, WPS004, WPS005)")
    boolean broken;

    @Option(names = "--order", description = "put each chain that socket() bypasses before the entry it takes"
            + " instead (WPS015)")
    boolean order;

    RepairRequest request() {
        if (lsps != null) {
            return new RepairRequest.Lsp(lsps);
        }
        if (entries != null) {
            return new RepairRequest.Entries(entries);
        }
        if (orphans) {
            return new RepairRequest.Orphans();
        }
        return broken ? new RepairRequest.Broken() : new RepairRequest.Order();
    }
}
