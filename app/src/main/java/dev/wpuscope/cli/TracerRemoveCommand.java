package dev.wpuscope.cli;

import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.RemovalPlan;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerPlanner;
import dev.wpuscope.change.UnsafePlanException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope tracer remove --live}: deinstall the tracer's entries by their GUIDs and verify. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove the tracer from this machine's catalog (Windows, elevated). Finds its entries by",
                "their GUIDs, so it works even when the DLL or the wpuscope that installed it is gone."})
final class TracerRemoveCommand implements Callable<Integer> {

    @ParentCommand
    TracerCommand parent;

    @Mixin
    TracerCommand.LiveOptions options;

    @Override
    public Integer call() throws IOException {
        TracerApplier applier = parent.liveApplier("remove", options);
        if (applier == null) {
            return TracerCommand.EXIT_UNAVAILABLE;
        }
        List<RemovalPlan> plans;
        try {
            plans = TracerPlanner.planRemoval(applier.read());
        } catch (CatalogWriteException e) {
            return parent.unreadable("remove", e);
        } catch (UnsafePlanException refused) {
            return parent.refused("remove", "nothing was changed", refused);
        }
        parent.out().print(PlanText.removal(plans));
        if (plans.isEmpty()) {
            return TracerCommand.EXIT_OK;
        }
        if (!parent.confirmed(options.yes, "Remove the tracer as shown?")) {
            return TracerCommand.EXIT_REFUSED;
        }
        return parent.finish(applier.remove(step -> parent.out().println("  " + step)));
    }
}
