package dev.wpuscope.trace.model;

/** How a traced call's return value signals failure (upcalls and downcalls alike). */
public enum ResultKind {
    /** BOOL: FALSE (0) is failure. */
    BOOL,
    /** int: SOCKET_ERROR (-1) is failure. */
    INT,
    /** SOCKET: INVALID_SOCKET (stored as -1) is failure. */
    SOCKET,
    /** WSAEVENT: NULL (0) is failure. */
    HANDLE,
    /** An error code: 0 is success, anything else the error (WSPStartup). */
    STATUS,
    /** WPUFDIsSet: the result is a membership test, not a status. */
    NEVER_FAILS;

    /** Whether {@code result} means the call failed. */
    public boolean isFailure(long result) {
        return switch (this) {
            case BOOL, HANDLE -> result == 0;
            case INT, SOCKET -> result == -1;
            case STATUS -> result != 0;
            case NEVER_FAILS -> false;
        };
    }
}
