package dev.wpuscope.cli;

import dev.wpuscope.trace.analysis.CaptureAnalysis;
import dev.wpuscope.trace.io.TraceReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wpuscope trace summary <capture>}: counts per upcall, provider and process, drops and findings. */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        description = "Counts per upcall, provider and process, drops, damage, and every problem the analyzers find:"
                + " handles leaked, closed twice or unknown, events and threads not closed, IFS misfits, ...")
final class TraceSummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<capture>", description = "a .wputrace capture file")
    Path capture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws TraceReadException {
        CaptureAnalysis read = CaptureAnalysis.of(capture);
        PrintWriter out = spec.commandLine().getOut();
        new TraceSummaryPrinter(out).print(capture.toString(), read.analysis(), read.readProblems());
        out.flush();
        return 0;
    }
}
