package dev.wpuscope.cli;

import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.FileBytes;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.repair.RepairApplier;
import dev.wpuscope.repair.RepairPlan;
import dev.wpuscope.repair.RepairPlanFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope repair apply --live --plan plan.json}: back up, apply, verify, roll back on failure. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Carry out a saved repair plan on this machine's catalog (Windows, elevated). The catalog",
                "must be the one the plan was made from; a backup is saved first; the result is verified; any",
                "failure rolls the catalog back."})
final class RepairApplyCommand implements Callable<Integer> {

    @ParentCommand
    RepairCommand parent;

    @Mixin
    CatalogChangeCommand.LiveOptions options;

    @Option(names = "--plan", required = true, paramLabel = "<plan.json>", description = "the plan `repair plan -o`"
            + " saved")
    Path planFile;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        RepairPlan plan = RepairPlanFile.read(FileBytes.read(planFile), planFile.toString());
        CatalogWriter writer = parent.liveWriter("apply", options, "to see a plan's effect, use `wpuscope repair"
                + " plan <file>`");
        if (writer == null) {
            return CatalogChangeCommand.EXIT_UNAVAILABLE;
        }
        new RepairPlanPrinter(parent.out()).print(plan);
        if (!parent.confirmed(options.yes, "Repair this machine's catalog as shown?")) {
            return CatalogChangeCommand.EXIT_REFUSED;
        }
        RepairApplier applier = new RepairApplier(writer, parent.live.elevation(), parent.backups(options.backupDir));
        return parent.finish(applier.apply(plan, step -> parent.out().println("  " + step)));
    }
}
