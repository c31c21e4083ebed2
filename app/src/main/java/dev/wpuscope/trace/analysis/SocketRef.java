package dev.wpuscope.trace.analysis;

/** A socket handle value in one process. */
public record SocketRef(int pid, long socket) {
}
