package dev.wpuscope.trace.store;

import dev.wpuscope.trace.io.FileRestart;

/**
 * Damage or a truncated tail found while loading a source (a capture file or a pipe client) into the store,
 * or a followed file that shrank or was replaced ({@code offset}: bytes read before; {@code bytes}: its size
 * then).
 */
public record CaptureProblem(String source, Kind kind, long offset, long bytes) {

    public enum Kind { DAMAGE, TRUNCATED, FILE_SHRANK, FILE_REWRITTEN, FILE_REPLACED }

    static CaptureProblem of(String source, FileRestart restart) {
        Kind kind = switch (restart.change()) {
            case SHRANK -> Kind.FILE_SHRANK;
            case REWRITTEN -> Kind.FILE_REWRITTEN;
            case REPLACED -> Kind.FILE_REPLACED;
        };
        return new CaptureProblem(source, kind, restart.readBefore(), restart.size());
    }

    /** Whether this says the followed file changed (rather than that its data is damaged or cut). */
    public boolean isRestart() {
        return kind != Kind.DAMAGE && kind != Kind.TRUNCATED;
    }

    @Override
    public String toString() {
        String where = source + ": byte offset " + offset + " (0x" + Long.toHexString(offset) + "): ";
        return switch (kind) {
            case DAMAGE -> where + "damaged data, " + bytes + " bytes skipped";
            case TRUNCATED -> where + "capture ends inside a record";
            case FILE_SHRANK -> source + ": the file shrank to " + bytes + " bytes after " + offset
                    + " bytes were read; reading it again from its start";
            case FILE_REWRITTEN -> source + ": the start of the file was written again after " + offset
                    + " bytes were read; reading it again from its start";
            case FILE_REPLACED -> source + ": the file was replaced after " + offset
                    + " bytes were read; reading the new file from its start";
        };
    }
}
