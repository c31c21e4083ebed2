package dev.wpuscope.cli;

import picocli.CommandLine.Command;

/** {@code wpuscope trace ...}: headless work on captures. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = "Summarize, export or follow an upcall capture (.wputrace).",
        subcommands = {TraceSummaryCommand.class, TraceExportCommand.class, TraceFollowCommand.class})
public final class TraceCommand {
}
