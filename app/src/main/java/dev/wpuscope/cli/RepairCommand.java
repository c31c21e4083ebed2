package dev.wpuscope.cli;

import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.platform.LiveCatalog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** {@code wpuscope repair plan|apply|restore}: remove LSPs and leftovers, fix the provider order, safely. */
@Command(name = "repair",
        mixinStandardHelpOptions = true,
        description = {"Repair a Winsock catalog: remove an LSP from both catalogs, orphaned or broken entries, or put",
                "bypassed chains back in front. `plan` works on any catalog file (e.g. a customer's export) and",
                "can save the plan; `apply --live` carries a plan out on the machine it was made for (Windows,",
                "elevated), with a backup, verification and rollback; `restore` goes back to a backup."},
        subcommands = {RepairPlanCommand.class, RepairApplyCommand.class, RepairRestoreCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "2:bad input, or the live catalog is not available here",
                "3:refused: the repair is unsafe, not elevated, another catalog, or not confirmed (nothing changed)",
                "4:a step failed; the catalog was rolled back and verified equal to before",
                "5:rollback failed: restore the catalog from the backup file named"})
public final class RepairCommand extends CatalogChangeCommand {

    public RepairCommand() {
        this(CatalogSources::read, LiveCatalog.forThisMachine(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    RepairCommand(SnapshotLoader loader, LiveCatalog live, BufferedReader input) {
        super(loader, live, input);
    }

    @Override
    String name() {
        return "repair";
    }
}
