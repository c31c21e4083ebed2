package dev.wpuscope.cli;

import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs one command object with the CLI's error handling and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WpuscopeCommand.configured(new CommandLine(command), out, err);
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new CliRun(exit, out.toString(), err.toString());
    }
}
