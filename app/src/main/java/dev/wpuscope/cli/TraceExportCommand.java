package dev.wpuscope.cli;

import dev.wpuscope.trace.export.EventExport;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.StoreFeed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wpuscope trace export --csv|--jsonl [-o file] <capture>}. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes every upcall of a capture as CSV (RFC 4180, CRLF) or JSON Lines (UTF-8), with decoded"
                + " columns: time, pid, process, tid, module, upcall, args, result, error, duration, ...")
final class TraceExportCommand implements Callable<Integer> {

    static final class Format {
        @Option(names = "--csv", required = true, description = "comma-separated values with a header line")
        boolean csv;

        @Option(names = "--jsonl", required = true, description = "one JSON object per line")
        boolean jsonl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "write here instead of stdout")
    Path output;

    @Parameters(paramLabel = "<capture>", description = "a .wputrace capture file")
    Path capture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws TraceReadException, IOException {
        EventStore store = new EventStore();
        TraceReader.read(capture, new StoreFeed(store, capture.toString()));
        store.problems().forEach(p -> spec.commandLine().getErr().println("wpuscope: warning: " + p));
        if (output == null) {
            write(store, new NonClosing(System.out));
        } else {
            try (OutputStream out = Files.newOutputStream(output)) {
                write(store, out);
            }
        }
        return 0;
    }

    private void write(EventStore store, OutputStream out) throws IOException {
        if (format.csv) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            EventExport.csv(store, null, writer);
        } else {
            EventExport.jsonLines(store, null, out);
        }
        out.flush();
    }

    /** Lets the export flush stdout without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
