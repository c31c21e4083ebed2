package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.tracer.PlanText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope tracer status <file>|--live}: where the tracer is installed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether and where the tracer is installed, in this machine's catalog (--live) or a file.")
final class TracerStatusCommand implements Callable<Integer> {

    @ParentCommand
    TracerCommand parent;

    @Mixin
    TracerCommand.SourceOptions source;

    @Override
    public Integer call() throws CatalogReadException {
        CatalogSnapshot snapshot = parent.source("status", source);
        if (snapshot == null) {
            return TracerCommand.EXIT_UNAVAILABLE;
        }
        parent.out().print(PlanText.status(snapshot));
        parent.out().flush();
        return TracerCommand.EXIT_OK;
    }
}
