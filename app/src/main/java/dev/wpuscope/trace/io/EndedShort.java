package dev.wpuscope.trace.io;

/**
 * A stream (a tracer's load session: header, PROCESS_HELLO, ..., PROCESS_GOODBYE) that ended without its
 * PROCESS_GOODBYE: where it ended (the next stream's header, or the end of the data) and the process its
 * last record was about.
 */
public record EndedShort(long offset, int pid) {

    /** "byte offset N (0x..): the stream of pid P ends without PROCESS_GOODBYE (...)" */
    public String describe() {
        return "byte offset " + offset + " (0x" + Long.toHexString(offset) + "): the stream of pid " + pid
                + " ends without PROCESS_GOODBYE (the capture was cut, or the process ended before its tracer"
                + " said goodbye)";
    }
}
