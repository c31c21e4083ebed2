package dev.wpuscope.cli;

import dev.wpuscope.ui.WpuscopeApp;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wpuscope} root command. Without a subcommand it opens the GUI. */
@Command(name = "wpuscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspect the Winsock 2 service-provider catalog and trace provider upcalls.",
        subcommands = {CommandLine.HelpCommand.class, CatalogCommand.class, DiagnoseCommand.class,
                DiffCommand.class, DllCommand.class, RepairCommand.class, ReportCommand.class, TraceCommand.class,
                TracerCommand.class})
public final class WpuscopeCommand implements Callable<Integer> {

    /** The configured command line, shared by {@code Main} and tests, printing to stdout and stderr. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new WpuscopeCommand()),
                new BufferedWriter(new OutputStreamWriter(System.out, Charset.defaultCharset())),
                new BufferedWriter(new OutputStreamWriter(System.err, Charset.defaultCharset())));
    }

    /**
     * The CLI's error handling (one line, exit code 2 for bad input) and terminal-safe output, for the real
     * command line and for in-process runs.
     */
    static CommandLine configured(CommandLine cli, Writer out, Writer err) {
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setOut(new PrintWriter(new PrintableWriter(out), true));
        cli.setErr(new PrintWriter(new PrintableWriter(err), true));
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
