package dev.wpuscope.cli;

import dev.wpuscope.catalog.snapshot.SnapshotFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.tracer.TracerApplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope tracer restore --live <backup>}: back to the catalog a tracer install saved. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Bring this machine's catalog back to a backup that `tracer install` saved (Windows,",
                "elevated): deinstalls the tracer, rewrites the backup's provider order and verifies every entry."})
final class TracerRestoreCommand implements Callable<Integer> {

    @ParentCommand
    TracerCommand parent;

    @Parameters(index = "0", paramLabel = "<backup>", description = "the backup file (a wpuscope snapshot)")
    Path backup;

    @Mixin
    TracerCommand.LiveOptions options;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        TracerApplier applier = parent.liveApplier("restore", options);
        if (applier == null) {
            return TracerCommand.EXIT_UNAVAILABLE;
        }
        var snapshot = new SnapshotFormat().read(backup);
        parent.out().println("Restore the live catalog to " + backup + ": remove the tracer's entries, write the"
                + " backup's provider order, verify every entry.");
        if (!parent.confirmed(options.yes, "Restore?")) {
            return TracerCommand.EXIT_REFUSED;
        }
        return parent.finish(applier.restore(snapshot, step -> parent.out().println("  " + step)));
    }
}
