package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerPlanner;
import dev.wpuscope.change.UnsafePlanException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope tracer install --live <selection>}: plan, confirm, back up, apply, verify, roll back on failure. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Attach the tracer to the selected entries of this machine's catalog (Windows, elevated).",
                "Shows the plan and asks first; saves a backup; verifies the result; rolls back on any failure."})
final class TracerInstallCommand implements Callable<Integer> {

    @ParentCommand
    TracerCommand parent;

    @Mixin
    TracerCommand.LiveOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SelectionOptions selection;

    @Mixin
    TracerCommand.DllOptions dlls;

    @Override
    public Integer call() throws IOException {
        TracerApplier applier = parent.liveApplier("install", options);
        if (applier == null) {
            return TracerCommand.EXIT_UNAVAILABLE;
        }
        InstallPlan plan;
        try {
            CatalogSnapshot snapshot = applier.read();
            plan = new TracerPlanner(dlls.dlls()).planInstall(snapshot, selection.selection());
        } catch (CatalogWriteException e) {
            return parent.unreadable("install", e);
        } catch (UnsafePlanException refused) {
            return parent.refused("install", "nothing was changed", refused);
        }
        parent.out().print(PlanText.install(plan));
        if (!parent.confirmed(options.yes, "Install the tracer as shown?")) {
            return TracerCommand.EXIT_REFUSED;
        }
        return parent.finish(applier.install(plan, step -> parent.out().println("  " + step)));
    }
}
