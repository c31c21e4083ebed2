package dev.wpuscope.cli;

import dev.wpuscope.ui.WpuscopeApp;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wpuscope} root command. Without a subcommand it opens the GUI. */
@Command(name = "wpuscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspect the Winsock 2 service-provider catalog and trace provider upcalls.",
        subcommands = {CommandLine.HelpCommand.class, CatalogCommand.class, DiagnoseCommand.class,
                DiffCommand.class, DllCommand.class, TraceCommand.class, TracerCommand.class})
public final class WpuscopeCommand implements Callable<Integer> {

    /** The configured command line, shared by {@code Main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WpuscopeCommand());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli;
    }

    @Override
    public Integer call() {
        if (System.getProperty("os.name", "").startsWith("Linux")
                && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            System.err.println("wpuscope: no display for the GUI (DISPLAY is not set): use ssh -X, or"
                    + " xvfb-run -a ./wpuscope; see ./wpuscope --help for the command line");
            return 2;
        }
        WpuscopeApp.launchGui();
        return 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
