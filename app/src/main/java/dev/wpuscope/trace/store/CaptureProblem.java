package dev.wpuscope.trace.store;

import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.EndedShort;
import dev.wpuscope.trace.io.FileRestart;

/**
 * What reading a source (a capture file or a pipe client) into the store found besides records: damage, a
 * truncated tail, a stream that ended without PROCESS_GOODBYE, or a followed file that shrank or was
 * replaced. {@code offset} is where in the source, {@code what} says what in words.
 */
public record CaptureProblem(String source, Kind kind, long offset, String what) {

    public enum Kind { DAMAGE, TRUNCATED, ENDED_SHORT, FILE_SHRANK, FILE_REWRITTEN, FILE_REPLACED }

    static CaptureProblem damage(String source, Damage damage) {
        return new CaptureProblem(source, Kind.DAMAGE, damage.offset(),
                at(damage.offset()) + "damaged data, " + damage.skipped() + " bytes skipped");
    }

    static CaptureProblem truncated(String source, long offset) {
        return new CaptureProblem(source, Kind.TRUNCATED, offset, at(offset) + "capture ends inside a record");
    }

    static CaptureProblem endedShort(String source, EndedShort end) {
        return new CaptureProblem(source, Kind.ENDED_SHORT, end.offset(), end.describe());
    }

    static CaptureProblem restart(String source, FileRestart restart) {
        long read = restart.readBefore();
        return switch (restart.change()) {
            case SHRANK -> new CaptureProblem(source, Kind.FILE_SHRANK, read, "the file shrank to " + restart.size()
                    + " bytes after " + read + " bytes were read; reading it again from its start");
            case REWRITTEN -> new CaptureProblem(source, Kind.FILE_REWRITTEN, read, "the start of the file was"
                    + " written again after " + read + " bytes were read; reading it again from its start");
            case REPLACED -> new CaptureProblem(source, Kind.FILE_REPLACED, read, "the file was replaced after "
                    + read + " bytes were read; reading the new file from its start");
        };
    }

    private static String at(long offset) {
        return "byte offset " + offset + " (0x" + Long.toHexString(offset) + "): ";
    }

    /** Whether this says the followed file changed (rather than something about its data). */
    public boolean isRestart() {
        return kind == Kind.FILE_SHRANK || kind == Kind.FILE_REWRITTEN || kind == Kind.FILE_REPLACED;
    }

    @Override
    public String toString() {
        return source + ": " + what;
    }
}
