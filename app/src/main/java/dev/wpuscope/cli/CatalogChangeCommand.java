package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogApplier;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.change.UnsafePlanException;
import dev.wpuscope.platform.LiveCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the commands that change the live catalog share ({@code tracer}, {@code repair}): the live catalog's writer
 * and applier, confirmation, refusals and the exit code of an outcome.
 */
@Command
abstract class CatalogChangeCommand implements Callable<Integer> {

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

    CatalogChangeCommand(SnapshotLoader loader, LiveCatalog live, BufferedReader input) {
        this.loader = loader;
        this.live = live;
        this.input = input;
    }

    /** The command's name after "wpuscope", for messages. */
    abstract String name();

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

    /** Shared source of plans: a catalog file or the live catalog. */
    static final class SourceOptions {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<file>",
                description = "catalog file: reg export of the WinSock2 key, netsh dump or wpuscope snapshot")
        Path file;

        @Option(names = "--live", description = "this machine's live catalog instead of a file (Windows only)")
        boolean live;
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
            err().println("wpuscope " + name() + " " + command + ": " + live.unavailableReason().get());
            return null;
        }
        try {
            return live.writer();
        } catch (CatalogWriteException e) {
            err().println("wpuscope " + name() + " " + command + ": " + e.getMessage());
            return null;
        }
    }

    /** The live writer after checking --live, or {@code null} after telling the user why there is none. */
    CatalogWriter liveWriter(String command, LiveOptions options, String offline) {
        if (!options.live) {
            err().println("wpuscope " + name() + " " + command + ": changes this machine's live catalog: add --live"
                    + " (" + offline + ")");
            return null;
        }
        return liveWriter(command);
    }

    SnapshotBackupDirectory backups(Path backupDir) {
        return new SnapshotBackupDirectory(backupDir, Clock.systemUTC());
    }

    int unreadable(String command, CatalogWriteException e) {
        err().println("wpuscope " + name() + " " + command + ": cannot read the live catalog: " + e.getMessage());
        return EXIT_UNAVAILABLE;
    }

    int refused(String command, String consequence, UnsafePlanException refused) {
        err().println("wpuscope " + name() + " " + command + ": refused, " + consequence + ":");
        refused.reasons().forEach(reason -> err().println("  - " + reason));
        err().flush();
        return EXIT_REFUSED;
    }

    /** The catalog to plan from: the file, or the live catalog with --live; exactly one of them. */
    CatalogSnapshot source(String command, SourceOptions source) throws CatalogReadException {
        Path file = source.file;
        if ((file == null) == !source.live) {
            throw new CatalogReadException("wpuscope " + name() + " " + command + ": name a catalog file or --live"
                    + " (one of them)");
        }
        if (file != null) {
            return loader.load(file);
        }
        CatalogWriter writer = liveWriter(command);
        if (writer == null) {
            return null;
        }
        try {
            return new CatalogApplier(writer, live.elevation(), backups(Path.of("."))).read();
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

    /** Prints the outcome of a change and gives its exit code. */
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
