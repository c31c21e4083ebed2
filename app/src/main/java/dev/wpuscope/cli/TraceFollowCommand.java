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
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.trace.store.RowKind;
import dev.wpuscope.trace.store.StoreFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wpuscope trace follow <capture>}: prints calls and findings as a tracer appends them. A downcall is printed
 * when it returns, followed by what ran inside it, indented (those records come before it in the capture and wait
 * for it). What ran inside a call whose record was dropped is printed when its thread is seen at top level again;
 * what ran inside a call that had not returned when following stops, then.
 */
@Command(name = "follow",
        mixinStandardHelpOptions = true,
        description = "Prints each upcall and downcall as the tracer appends it to the capture (what ran inside a"
                + " downcall indented under it), and each problem the analyzers find, as it is found. Waits for the"
                + " file if it does not exist yet. Ctrl-C to stop.")
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
        printed.unfinishedCalls(tee.store);
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
        /** Rows that ran inside a call whose record has not arrived: printed under it when it does. */
        private IntList waiting = new IntList();
        private int problems;
        private final Set<Finding> findings = new HashSet<>(); // settled findings may come with an earlier offset

        Printed(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        void catchUp(Tee tee) {
            EventStore store = tee.store;
            for (int size = store.size(); rows < size; rows++) {
                if (store.parentCallId(rows) == 0) {
                    printMissingCalls(store, rows);
                    printWithNested(store, rows, 0, "");
                } else {
                    waiting.add(rows);
                }
            }
            keepWaiting(store, row -> false);
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

        /**
         * A row at top level on a thread proves that the calls its thread was inside have returned: what ran inside
         * one whose record did not come (dropped) is printed now, before it.
         */
        private void printMissingCalls(EventStore store, int topLevel) {
            int process = store.process(topLevel).index();
            int tid = store.tid(topLevel);
            keepWaiting(store, row -> {
                boolean orphan = store.process(row).index() == process && store.tid(row) == tid;
                if (orphan) {
                    printWithNested(store, row, 1, "  (inside call #"
                            + Integer.toUnsignedString(store.parentCallId(row)) + ", whose record is missing)");
                }
                return orphan;
            });
        }

        /** Keeps the rows still waiting for their call, less those {@code printed} prints (in order). */
        private void keepWaiting(EventStore store, IntPredicate printed) {
            IntList still = new IntList();
            for (int i = 0; i < waiting.size(); i++) {
                int row = waiting.get(i);
                if (store.parentRow(row) == EventStore.NO_ROW && !printed.test(row)) {
                    still.add(row);
                }
            }
            waiting = still;
        }

        /** The row (with a note after it), then what ran inside it, one level deeper. */
        private void printWithNested(EventStore store, int row, int depth, String note) {
            out.println(line(DecodedEvent.of(store, row), depth, note));
            IntList children = store.children(row);
            for (int k = 0; k < children.size(); k++) {
                printWithNested(store, children.get(k), depth + 1, "");
            }
        }

        /** Following stopped: what ran inside calls that did not return in the capture, with their nesting. */
        void unfinishedCalls(EventStore store) {
            keepWaiting(store, row -> {
                printWithNested(store, row, 1, "  (inside call #" + Integer.toUnsignedString(store.parentCallId(row))
                        + ", which did not return)");
                return true;
            });
            out.flush();
        }
    }

    /** One call: time, pid, tid, the call indented by its depth, its socket and arguments, result, error, module. */
    private static String line(DecodedEvent e, int depth, String note) {
        String error = e.errorText();
        String socket = e.kind() == RowKind.DOWNCALL && e.socket() != 0 ? "s=" + EventText.hex(e.socket())
                + (e.argsText().isEmpty() ? "" : ", ") : "";
        return e.time() + "  pid " + e.pid() + "  tid " + e.tid() + "  " + "    ".repeat(depth) + e.call() + "("
                + socket + e.argsText() + ") = " + e.resultText() + (error.isEmpty() ? "" : " [" + error + "]") + "  "
                + e.module() + note;
    }
}
