package dev.wpuscope;

import dev.wpuscope.cli.WpuscopeCommand;
import picocli.CommandLine;

/** Entry point: with no arguments opens the GUI, otherwise runs a CLI command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = WpuscopeCommand.commandLine();
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exit);
    }
}
