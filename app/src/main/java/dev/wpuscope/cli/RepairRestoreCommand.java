package dev.wpuscope.cli;

import dev.wpuscope.catalog.snapshot.SnapshotFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.repair.RepairApplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wpuscope repair restore --live --backup FILE}: back to the catalog a repair saved. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Bring this machine's catalog back to a backup that `repair apply` saved (Windows, elevated):",
                "entries the repair removed are installed again (Windows gives them new catalog ids), the backup's",
                "provider order is written and every entry verified."})
final class RepairRestoreCommand implements Callable<Integer> {

    @ParentCommand
    RepairCommand parent;

    @Option(names = "--backup", required = true, paramLabel = "<backup>", description = "the backup file (a wpuscope"
            + " snapshot)")
    Path backup;

    @Mixin
    CatalogChangeCommand.LiveOptions options;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        var snapshot = new SnapshotFormat().read(backup);
        CatalogWriter writer = parent.liveWriter("restore", options, "restore changes only the live catalog");
        if (writer == null) {
            return CatalogChangeCommand.EXIT_UNAVAILABLE;
        }
        parent.out().println("Restore the live catalog to " + backup + ": remove what the backup lacks, install again"
                + " what it has, write its provider order, verify every entry.");
        if (!parent.confirmed(options.yes, "Restore?")) {
            return CatalogChangeCommand.EXIT_REFUSED;
        }
        RepairApplier applier = new RepairApplier(writer, parent.live.elevation(), parent.backups(options.backupDir));
        return parent.finish(applier.restore(snapshot, step -> parent.out().println("  " + step)));
    }
}
