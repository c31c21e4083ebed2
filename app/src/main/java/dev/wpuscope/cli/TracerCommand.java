package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerDllDirectory;
import dev.wpuscope.change.UnsafePlanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
public final class TracerCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_UNAVAILABLE = 2;
    static final int EXIT_REFUSED = 3;
    static final int EXIT_ROLLED_BACK = 4;
    static final int EXIT_BROKEN = 5;

    @Spec
    CommandSpec spec;

    final SnapshotLoader loader;
    final LiveCatalog live;
    final BufferedReader input;

    public TracerCommand() {
        this(CatalogSources::read, LiveCatalog.forThisMachine(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    TracerCommand(SnapshotLoader loader, LiveCatalog live, BufferedReader input) {
        this.loader = loader;
        this.live = live;
        this.input = input;
    }

    /** Without a subcommand: the usage, which lists them. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_OK;
    }

    /** Shared options of the subcommands that touch the live catalog. */
    static final class LiveOptions {
        @Option(names = "--live", description = "use this machine's live Winsock catalog (Windows only)")
        boolean live;

        @Option(names = "--backup-dir", paramLabel = "<dir>",
                description = "where the catalog backup is saved before any change (default: ~/.wpuscope/backups)")
        Path backupDir = Path.of(System.getProperty("user.home"), ".wpuscope", "backups");

        @Option(names = "--yes", description = "do not ask for confirmation")
        boolean yes;
    }

    /** Shared source of plan and status: a catalog file or the live catalog. */
    static final class SourceOptions {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<file>",
                description = "catalog file: reg export of the WinSock2 key, netsh dump or wpuscope snapshot")
        Path file;

        @Option(names = "--live", description = "this machine's live catalog instead of a file (Windows only)")
        boolean live;
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

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The live catalog's writer, or {@code null} after telling the user why it is unavailable. */
    CatalogWriter liveWriter(String command) {
        if (live.unavailableReason().isPresent()) {
            err().println("wpuscope tracer " + command + ": " + live.unavailableReason().get());
            return null;
        }
        try {
            return live.writer();
        } catch (CatalogWriteException e) {
            err().println("wpuscope tracer " + command + ": " + e.getMessage());
            return null;
        }
    }

    TracerApplier applier(CatalogWriter writer, Path backupDir) {
        return new TracerApplier(writer, live.elevation(), new SnapshotBackupDirectory(backupDir, Clock.systemUTC()));
    }

    /** The applier for the live catalog, or {@code null} after telling the user why there is none. */
    TracerApplier liveApplier(String command, LiveOptions options) {
        if (!options.live) {
            err().println("wpuscope tracer " + command + ": changes this machine's live catalog: add --live (to see"
                    + " the changes for a catalog file, use `wpuscope tracer plan <file>`)");
            return null;
        }
        CatalogWriter writer = liveWriter(command);
        return writer == null ? null : applier(writer, options.backupDir);
    }

    int unreadable(String command, CatalogWriteException e) {
        err().println("wpuscope tracer " + command + ": cannot read the live catalog: " + e.getMessage());
        return EXIT_UNAVAILABLE;
    }

    int refused(String command, String consequence, UnsafePlanException refused) {
        err().println("wpuscope tracer " + command + ": refused, " + consequence + ":");
        refused.reasons().forEach(reason -> err().println("  - " + reason));
        err().flush();
        return EXIT_REFUSED;
    }

    /** The catalog to plan from: the file, or the live catalog with --live; exactly one of them. */
    CatalogSnapshot source(String command, SourceOptions source) throws CatalogReadException {
        Path file = source.file;
        if ((file == null) == !source.live) {
            throw new CatalogReadException("wpuscope tracer " + command + ": name a catalog file or --live (one of"
                    + " them)");
        }
        if (file != null) {
            return loader.load(file);
        }
        CatalogWriter writer = liveWriter(command);
        if (writer == null) {
            return null;
        }
        try {
            return applier(writer, Path.of(".")).read();
        } catch (CatalogWriteException e) {
            throw new CatalogReadException("live catalog: " + e.getMessage(), e);
        }
    }

    /** Asks "proceed? [y/N]" unless --yes; true when the user agreed. */
    boolean confirmed(boolean yes, String question) throws IOException {
        if (yes) {
            return true;
        }
        out().print(question + " [y/N] ");
        out().flush();
        String answer = input.readLine();
        boolean agreed = answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        if (!agreed) {
            out().println("Not confirmed: nothing was changed.");
        }
        return agreed;
    }

    /** Prints the outcome of an install or removal and gives its exit code. */
    int finish(ApplyReport report) {
        out().flush();
        if (report.backup() != null) {
            out().println("Catalog backup: " + report.backup());
        }
        out().println("Outcome: " + report.outcome());
        out().flush();
        return switch (report.outcome()) {
            case APPLIED, NOTHING_TO_DO -> EXIT_OK;
            case REFUSED -> EXIT_REFUSED;
            case ROLLED_BACK -> EXIT_ROLLED_BACK;
            case ROLLBACK_FAILED, REMOVAL_FAILED -> EXIT_BROKEN;
        };
    }
}
