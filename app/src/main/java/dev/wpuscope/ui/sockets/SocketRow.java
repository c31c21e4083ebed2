package dev.wpuscope.ui.sockets;

import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.store.SocketLives;
import java.util.List;

/**
 * One line of the Sockets panel: a socket's life with what the conformance analyzers found about its calls.
 *
 * @param socket   the socket, its counts and provider
 * @param state    its state as the panel says it: {@code open}, {@code closed}, qualified by the findings
 *                 ({@code closed without WPUCloseSocketHandle}, {@code used after close}, ...)
 * @param bytes    bytes its sends, receives and overlapped completions moved
 * @param findings the findings whose record is one of its calls
 */
public record SocketRow(SocketLives.Socket socket, String state, long bytes, List<Finding> findings) {
}
