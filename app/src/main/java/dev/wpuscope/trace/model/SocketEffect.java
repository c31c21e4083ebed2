package dev.wpuscope.trace.model;

/**
 * What a call does to the life of the socket it is about: creates it (WSPSocket, WSPAccept, and the handle upcalls
 * WPUCreateSocketHandle and WPUModifyIFSHandle that the provider makes inside them), closes it (WSPCloseSocket,
 * WPUCloseSocketHandle), or uses it. Failed creations and closes create and close nothing: a failed close is a use.
 */
public enum SocketEffect {
    CREATE,
    CLOSE,
    USE,
    /** The call is not about a socket (or names none: a failed creation). */
    NONE;

    public static SocketEffect of(Downcall function, boolean failed) {
        if (function == null || !function.hasSocket()) {
            return NONE;
        }
        if (function.createsSocket()) {
            return failed ? NONE : CREATE;
        }
        return function == Downcall.WSP_CLOSE_SOCKET && !failed ? CLOSE : USE;
    }

    public static SocketEffect of(Upcall upcall, boolean failed) {
        if (upcall == null) {
            return NONE;
        }
        return switch (upcall) {
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> failed ? NONE : CREATE;
            case WPU_CLOSE_SOCKET_HANDLE -> failed ? USE : CLOSE;
            case WPU_FD_IS_SET, WPU_QUERY_SOCKET_HANDLE_CONTEXT, WPU_POST_MESSAGE, WPU_COMPLETE_OVERLAPPED_REQUEST -> USE;
            default -> NONE;
        };
    }
}
