package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.tracer.PlanJson;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.TracerPlanner;
import dev.wpuscope.change.UnsafePlanException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope tracer plan <file>|--live <selection>}: the exact changes, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the exact catalog changes that attach the tracer to the selected entries (changes nothing).")
final class TracerPlanCommand implements Callable<Integer> {

    @ParentCommand
    TracerCommand parent;

    @Mixin
    TracerCommand.SourceOptions source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SelectionOptions selection;

    @Mixin
    TracerCommand.DllOptions dlls;

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Override
    public Integer call() throws CatalogReadException {
        CatalogSnapshot snapshot = parent.source("plan", source);
        if (snapshot == null) {
            return TracerCommand.EXIT_UNAVAILABLE;
        }
        try {
            InstallPlan plan = new TracerPlanner(dlls.dlls()).planInstall(snapshot, selection.selection());
            parent.out().print(json ? PlanJson.install(plan) : PlanText.install(plan));
            parent.out().flush();
            return TracerCommand.EXIT_OK;
        } catch (UnsafePlanException refused) {
            return parent.refused("plan", "nothing would be safe to change", refused);
        }
    }
}
