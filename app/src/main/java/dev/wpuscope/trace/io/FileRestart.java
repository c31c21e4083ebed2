package dev.wpuscope.trace.io;

/**
 * A followed capture file changed under the reader, as {@code tail -F} notices it. The reader goes on from
 * the start of the new content, whose byte offsets start again at 0.
 *
 * @param change     what happened to the file
 * @param readBefore bytes of the previous content read
 * @param size       size of the new content when the change was seen
 */
public record FileRestart(Change change, long readBefore, long size) {

    public enum Change {
        /** The same file got shorter (truncated, perhaps written again since). */
        SHRANK,
        /** The same file's first bytes (the capture header, with its start time) were written again. */
        REWRITTEN,
        /** The name leads to another file: the old one was rotated, or deleted and created again. */
        REPLACED
    }
}
