package dev.wpuscope.cli;

import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.text.Printable;
import dev.wpuscope.trace.io.TraceReadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the readers' own errors into one readable line on stderr and exit code 2; anything else is a
 * bug and is reported as such, still without a stack trace unless {@code WPUSCOPE_DEBUG} is set.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        if (System.getenv("WPUSCOPE_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        if (ex instanceof CatalogReadException || ex instanceof TraceReadException
                || ex instanceof java.io.IOException) {
            cli.getErr().println("wpuscope: " + Printable.escape(String.valueOf(ex.getMessage())));
            return EXIT_BAD_INPUT;
        }
        cli.getErr().println("wpuscope: internal error: " + Printable.escape(ex.toString())
                + " (set WPUSCOPE_DEBUG=1 for details, and please report it)");
        return EXIT_INTERNAL;
    }
}
