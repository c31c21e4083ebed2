package dev.wpuscope.trace.io;

/**
 * A stream (a tracer's load session: header, PROCESS_HELLO, ..., PROCESS_GOODBYE) that ended without its
 * PROCESS_GOODBYE: where it ended (the next stream's header, or the end of the data), where it started,
 * and the process its last record was about (-1 when it ended before any record).
 */
public record EndedShort(long offset, long streamStart, int pid) {

    /** "byte offset N (0x..): the stream of pid P from byte offset S ends without PROCESS_GOODBYE (...)" */
    public String describe() {
        return "byte offset " + offset + " (0x" + Long.toHexString(offset) + "): the stream "
                + (pid < 0 ? "" : "of pid " + pid + " ") + "from byte offset " + streamStart
                + " ends without PROCESS_GOODBYE (the capture was cut, or the process ended before its tracer"
                + " said goodbye)";
    }
}
