package dev.wpuscope.cli;

import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerDllDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wpuscope tracer plan|install|remove|status}: attach the tracing provider to chosen chains and detach it. */
@Command(name = "tracer",
        mixinStandardHelpOptions = true,
        description = {"Attach the wpuscope tracer (wputrace.dll) on top of chosen protocol chains, and remove it.",
                "`plan` shows the exact catalog changes and works on any catalog file; install, remove and",
                "status --live change or read this machine's catalog (Windows, install/remove elevated)."},
        subcommands = {TracerPlanCommand.class, TracerInstallCommand.class, TracerRemoveCommand.class,
                TracerStatusCommand.class, TracerRestoreCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (or nothing to do)",
                "2:bad input, or the live catalog is not available here",
                "3:refused: the plan is unsafe, not elevated, or not confirmed (nothing was changed)",
                "4:a step failed; the catalog was rolled back and verified equal to before",
                "5:rollback or removal failed: restore the catalog from the backup file named"})
public final class TracerCommand extends CatalogChangeCommand {

    public TracerCommand() {
        this(CatalogSources::read, LiveCatalog.forThisMachine(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    TracerCommand(SnapshotLoader loader, LiveCatalog live, BufferedReader input) {
        super(loader, live, input);
    }

    @Override
    String name() {
        return "tracer";
    }

    /** Shared option: where the tracer DLLs are. */
    static final class DllOptions {
        @Option(names = "--dll-dir", paramLabel = "<dir>",
                description = "folder with x64/wputrace.dll and x86/wputrace.dll (default: native-hook/build of"
                        + " this wpuscope)")
        Path dllDir = TracerDllDirectory.standardDirectory();

        TracerDllDirectory dlls() {
            return new TracerDllDirectory(dllDir);
        }
    }

    /** The applier for the live catalog, or {@code null} after telling the user why there is none. */
    TracerApplier liveApplier(String command, LiveOptions options) {
        CatalogWriter writer = liveWriter(command, options, "to see the changes for a catalog file, use `wpuscope"
                + " tracer plan <file>`");
        return writer == null ? null : new TracerApplier(writer, live.elevation(), backups(options.backupDir));
    }
}
