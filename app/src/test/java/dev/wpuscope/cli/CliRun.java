package dev.wpuscope.cli;

import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs one command object with the CLI's error handling and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Callable<Integer> command, String... args) {
        return of(new StringWriter(), new StringWriter(), command, args);
    }

    /** Runs with the given writers, which another thread may read while the command runs. */
    static CliRun of(StringWriter out, StringWriter err, Callable<Integer> command, String... args) {
        CommandLine cli = WpuscopeCommand.configured(new CommandLine(command), out, err);
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new CliRun(exit, out.toString(), err.toString());
    }
}
