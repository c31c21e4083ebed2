package dev.wpuscope;

import dev.wpuscope.cli.WpuscopeCommand;
import picocli.CommandLine;

/** Entry point: with no arguments opens the GUI, otherwise runs a CLI command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = WpuscopeCommand.commandLine();
        int exit;
        try {
            exit = cli.execute(args);
        } catch (OutOfMemoryError e) { // a last resort: the readers keep their memory bounded
            cli.getErr().println("wpuscope: out of memory (the Java heap holds at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); give it more with"
                    + " WPUSCOPE_JAVA_OPTS=-Xmx2g");
            exit = 2;
        }
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exit);
    }
}
