package dev.wpuscope;

import dev.wpuscope.cli.WpuscopeCommand;
import picocli.CommandLine;

/** Entry point: with no arguments opens the GUI, otherwise runs a CLI command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(WpuscopeCommand.commandLine().execute(args));
    }
}
