package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Captures of the repository (golden vectors, recorded captures), decoded with the trace reader. */
final class Captures {

    static final Path ROOT = Path.of(System.getProperty("wpuscope.root", "."));
    static final Path GOLDEN_BASIC = ROOT.resolve("resources/trace-format/golden/basic.wputrace");

    private Captures() {
    }

    static List<TraceRecord> records(Path capture) throws TraceReadException {
        List<TraceRecord> records = new ArrayList<>();
        TraceReader.read(capture, (record, length) -> records.add(record));
        return records;
    }

    static TraceAnalysis analyze(Path capture) throws TraceReadException {
        TraceAnalysis analysis = new TraceAnalysis();
        analysis.acceptAll(records(capture));
        return analysis;
    }
}
