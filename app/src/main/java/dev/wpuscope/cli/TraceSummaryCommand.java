package dev.wpuscope.cli;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** What the reader reported besides records. */
    static final class ReadProblems implements TraceListener {
        final TraceAnalysis analysis = new TraceAnalysis();
        final List<String> problems = new ArrayList<>();

        @Override
        public void onRecord(TraceRecord record, int length) {
            analysis.accept(record);
        }

        @Override
        public void onUnknownRecord(long offset, int type, int pid, int length) {
            problems.add("record of unknown type " + type + " at byte offset " + offset + " skipped");
        }

        @Override
        public void onDamage(Damage damage) {
            problems.add(damage.toString());
        }

        @Override
        public void onTruncated(long offset) {
            problems.add("capture ends inside a record at byte offset " + offset);
        }
    }

    @Override
    public Integer call() throws TraceReadException {
        ReadProblems read = new ReadProblems();
        TraceReader.read(capture, read);
        PrintWriter out = spec.commandLine().getOut();
        new TraceSummaryPrinter(out).print(capture.toString(), read.analysis, read.problems);
        out.flush();
        return 0;
    }
}
