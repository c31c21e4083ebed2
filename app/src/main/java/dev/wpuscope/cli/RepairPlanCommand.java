package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.change.UnsafePlanException;
import dev.wpuscope.repair.RepairPlan;
import dev.wpuscope.repair.RepairPlanFile;
import dev.wpuscope.repair.RepairPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope repair plan <source> <what> [-o plan.json]}: the repair and its effect, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show a repair and its effect on the catalog as a diff (changes nothing); -o saves the plan"
                + " for `repair apply`.")
final class RepairPlanCommand implements Callable<Integer> {

    @ParentCommand
    RepairCommand parent;

    @Mixin
    CatalogChangeCommand.SourceOptions source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RepairRequestOptions request;

    @Option(names = {"-o", "--output"}, paramLabel = "<plan.json>", description = "save the plan to this file")
    Path output;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        CatalogSnapshot snapshot = parent.source("plan", source);
        if (snapshot == null) {
            return CatalogChangeCommand.EXIT_UNAVAILABLE;
        }
        RepairPlan plan;
        try {
            plan = RepairPlanner.plan(snapshot, request.request());
        } catch (UnsafePlanException refused) {
            return parent.refused("plan", "nothing would be safe to change", refused);
        }
        new RepairPlanPrinter(parent.out()).print(plan);
        if (output != null) {
            Files.write(output, RepairPlanFile.write(plan));
            parent.out().println();
            parent.out().println("Plan saved to " + output + ": on the machine it was made for, run"
                    + " `wpuscope repair apply --live --plan " + output.getFileName() + "` as administrator.");
        }
        parent.out().flush();
        return CatalogChangeCommand.EXIT_OK;
    }
}
