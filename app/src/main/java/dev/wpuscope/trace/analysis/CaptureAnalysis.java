package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.EndedShort;
import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder listener that feeds a {@link TraceAnalysis} and keeps what the reader reported besides records:
 * damage, a truncated tail, streams that ended without PROCESS_GOODBYE, records of unknown types.
 */
public final class CaptureAnalysis implements TraceListener {

    private final TraceAnalysis analysis;
    private final List<String> readProblems = new ArrayList<>();

    public CaptureAnalysis(TraceAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Reads and analyzes a whole capture file (IFS kinds inferred). */
    public static CaptureAnalysis of(Path capture) throws TraceReadException {
        CaptureAnalysis result = new CaptureAnalysis(new TraceAnalysis());
        TraceReader.read(capture, result);
        return result;
    }

    public TraceAnalysis analysis() {
        return analysis;
    }

    /** Damage, truncation and skipped records, as readable lines with their byte offsets, in order. */
    public synchronized List<String> readProblems() {
        return List.copyOf(readProblems);
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        analysis.accept(record);
    }

    @Override
    public synchronized void onUnknownRecord(long offset, int type, int pid, int length) {
        readProblems.add("record of unknown type " + type + " at byte offset " + offset + " skipped");
    }

    @Override
    public synchronized void onDamage(Damage damage) {
        readProblems.add(damage.toString());
    }

    @Override
    public synchronized void onEndedShort(EndedShort end) {
        readProblems.add(end.describe());
    }

    @Override
    public void onEnd() {
        analysis.endOfInput();
    }

    @Override
    public synchronized void onTruncated(long offset) {
        readProblems.add("capture ends inside a record at byte offset " + offset);
    }
}
