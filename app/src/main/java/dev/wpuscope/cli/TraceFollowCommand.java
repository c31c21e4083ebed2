package dev.wpuscope.cli;

import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.export.DecodedEvent;
import dev.wpuscope.trace.io.CaptureFollower;
import dev.wpuscope.trace.io.ForwardingListener;
import dev.wpuscope.trace.io.FileRestart;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.store.CaptureProblem;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.StoreFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wpuscope trace follow <capture>}: prints upcalls and findings as a tracer appends them. */
@Command(name = "follow",
        mixinStandardHelpOptions = true,
        description = "Prints each upcall as the tracer appends it to the capture, and each problem the analyzers"
                + " find, as it is found. Waits for the file if it does not exist yet. Ctrl-C to stop.")
final class TraceFollowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<capture>", description = "a .wputrace capture file, possibly still being written")
    Path capture;

    @Option(names = "--interval", paramLabel = "<ms>", defaultValue = "200",
            description = "how often to look for new data (default: ${DEFAULT-VALUE} ms)")
    long intervalMillis;

    @Option(names = "--stop-after-idle", paramLabel = "<ms>", defaultValue = "0",
            description = "stop when nothing was added for this long (default: never)")
    long stopAfterIdleMillis;

    @Spec
    CommandSpec spec;

    /**
     * Feeds the store (for printing) and the analyzers from one decoder. New content after a restart is
     * another capture: the analysis of the old one ends (its last findings are printed) and a new one starts.
     */
    private static final class Tee extends ForwardingListener {
        final EventStore store;
        final Printed printed;
        TraceAnalysis analysis = new TraceAnalysis();

        Tee(EventStore store, String source, Printed printed) {
            super(new StoreFeed(store, source));
            this.store = store;
            this.printed = printed;
        }

        @Override
        public void onRecord(TraceRecord record, int length) {
            super.onRecord(record, length);
            analysis.accept(record);
        }

        @Override
        public void onRestart(FileRestart restart) {
            analysis.endOfInput();
            printed.catchUp(this);
            printed.findings.clear();
            analysis = new TraceAnalysis();
            super.onRestart(restart);
        }
    }

    @Override
    public Integer call() throws TraceReadException, IOException, InterruptedException {
        Printed printed = new Printed(spec.commandLine().getOut(), spec.commandLine().getErr());
        Tee tee = new Tee(new EventStore(), capture.toString(), printed);
        long idleSince = System.nanoTime();
        try (CaptureFollower follower = new CaptureFollower(capture, tee, batch -> { })) {
            while (true) {
                if (follower.poll() != null) {
                    idleSince = System.nanoTime();
                    printed.catchUp(tee);
                } else if (stopAfterIdleMillis > 0
                        && System.nanoTime() - idleSince >= TimeUnit.MILLISECONDS.toNanos(stopAfterIdleMillis)) {
                    break;
                } else {
                    Thread.sleep(intervalMillis);
                }
            }
            follower.finish(); // stopped: a record left cut is a truncated tail, as export says
        }
        tee.analysis.endOfInput(); // nothing more can explain what waited
        printed.catchUp(tee);
        return 0;
    }

    /**
     * What was printed so far. Upcalls and what the reader and the analyzers found go to stdout; that the
     * file shrank or was replaced goes to stderr, like tail -F says it.
     */
    private static final class Printed {
        private final PrintWriter out;
        private final PrintWriter err;
        private int rows;
        private int problems;
        private final Set<Finding> findings = new HashSet<>(); // settled findings may come with an earlier offset

        Printed(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        void catchUp(Tee tee) {
            for (; rows < tee.store.size(); rows++) {
                out.println(line(DecodedEvent.of(tee.store, rows)));
            }
            List<CaptureProblem> found = tee.store.problems();
            for (; problems < found.size(); problems++) {
                CaptureProblem problem = found.get(problems);
                if (problem.isRestart()) {
                    out.flush();
                    err.println("wpuscope: " + problem);
                    err.flush();
                } else {
                    out.println("!! " + problem);
                }
            }
            for (Finding finding : tee.analysis.findings()) {
                if (findings.add(finding)) {
                    out.println("!! " + finding);
                }
            }
            out.flush();
        }
    }

    private static String line(DecodedEvent e) {
        String error = e.errorText();
        return e.time() + "  pid " + e.pid() + "  tid " + e.tid() + "  " + e.upcall() + "(" + e.argsText() + ") = "
                + e.resultText() + (error.isEmpty() ? "" : " [" + error + "]") + "  " + e.module();
    }
}
