package dev.wpuscope.trace.store;

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

    /** The socket handle an upcall row is about, or null. */
    static Long socketOf(Upcall upcall, long arg0, long arg2, long result, boolean failed) {
        if (upcall == null) {
            return null;
        }
        return switch (upcall) {
            case WPU_CLOSE_SOCKET_HANDLE, WPU_FD_IS_SET, WPU_QUERY_SOCKET_HANDLE_CONTEXT,
                    WPU_COMPLETE_OVERLAPPED_REQUEST -> arg0;
            case WPU_POST_MESSAGE -> arg2;
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> failed ? null : result;
            default -> null;
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
