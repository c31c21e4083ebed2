package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.SocketEffect;
import dev.wpuscope.trace.model.Upcall;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows per socket handle: the socket argument of the upcalls that take one (the wParam of
 * WPUPostMessage), and the result of a successful WPUCreateSocketHandle or WPUModifyIFSHandle.
 */
final class SocketIndex {

    private final ConcurrentHashMap<Long, PublishedInts> rowsBySocket = new ConcurrentHashMap<>();
    /** Writer only: the list of the socket added last, which the next rows are often about too. */
    private long lastSocket;
    private PublishedInts lastRows;

    /** The socket handle of an upcall row about one (whose {@link SocketEffect} is not {@code NONE}). */
    static long socketOf(Upcall upcall, long arg0, long arg2, long result) {
        return switch (upcall) {
            case WPU_POST_MESSAGE -> arg2;
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> result;
            default -> arg0;
        };
    }

    /** Writer only; rows ascend. */
    void add(long socket, int row) {
        if (lastRows == null || socket != lastSocket) {
            lastRows = rowsBySocket.computeIfAbsent(socket, s -> new PublishedInts());
            lastSocket = socket;
        }
        lastRows.add(row);
    }

    /** Rows about {@code socket} below {@code limit}, ascending. */
    IntList rows(long socket, int limit) {
        PublishedInts rows = rowsBySocket.get(socket);
        IntList out = new IntList();
        if (rows != null) {
            int n = rows.lowerBound(limit, rows.size());
            for (int i = 0; i < n; i++) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
