package dev.wpuscope.trace.store;

/** Damage or a truncated tail found while loading a source (a capture file or a pipe client) into the store. */
public record CaptureProblem(String source, Kind kind, long offset, long bytes) {

    public enum Kind { DAMAGE, TRUNCATED }

    @Override
    public String toString() {
        String where = source + ": byte offset " + offset + " (0x" + Long.toHexString(offset) + "): ";
        return kind == Kind.DAMAGE
                ? where + "damaged data, " + bytes + " bytes skipped"
                : where + "capture ends inside a record";
    }
}
