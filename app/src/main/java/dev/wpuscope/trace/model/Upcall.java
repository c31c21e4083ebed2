package dev.wpuscope.trace.model;

/**
 * The 16 traced upcalls, numbered as in the trace format (WSPUPCALLTABLE order, then
 * WPUCompleteOverlappedRequest). {@link #argNames()} are the UPCALL record's args in order.
 */
public enum Upcall {
    WPU_CLOSE_EVENT("WPUCloseEvent", ResultKind.BOOL, true, "hEvent"),
    WPU_CLOSE_SOCKET_HANDLE("WPUCloseSocketHandle", ResultKind.INT, true, "s"),
    WPU_CREATE_EVENT("WPUCreateEvent", ResultKind.HANDLE, true),
    WPU_CREATE_SOCKET_HANDLE("WPUCreateSocketHandle", ResultKind.SOCKET, true, "catalog_entry_id", "context"),
    WPU_FD_IS_SET("WPUFDIsSet", ResultKind.NEVER_FAILS, false, "s", "fd_set"),
    WPU_GET_PROVIDER_PATH("WPUGetProviderPath", ResultKind.INT, true,
            "guid_low", "guid_high", "path_len_in", "path_len_out"),
    WPU_MODIFY_IFS_HANDLE("WPUModifyIFSHandle", ResultKind.SOCKET, true, "catalog_entry_id", "proposed_handle"),
    WPU_POST_MESSAGE("WPUPostMessage", ResultKind.BOOL, false, "hwnd", "msg", "wparam", "lparam"),
    WPU_QUERY_BLOCKING_CALLBACK("WPUQueryBlockingCallback", ResultKind.INT, true,
            "catalog_entry_id", "callback", "context"),
    WPU_QUERY_SOCKET_HANDLE_CONTEXT("WPUQuerySocketHandleContext", ResultKind.INT, true, "s", "context"),
    WPU_QUEUE_APC("WPUQueueApc", ResultKind.INT, true, "thread_handle", "thread_reserved", "apc_routine", "context"),
    WPU_RESET_EVENT("WPUResetEvent", ResultKind.BOOL, true, "hEvent"),
    WPU_SET_EVENT("WPUSetEvent", ResultKind.BOOL, true, "hEvent"),
    WPU_OPEN_CURRENT_THREAD("WPUOpenCurrentThread", ResultKind.INT, true, "thread_handle", "thread_reserved"),
    WPU_CLOSE_THREAD("WPUCloseThread", ResultKind.INT, true, "thread_handle", "thread_reserved"),
    WPU_COMPLETE_OVERLAPPED_REQUEST("WPUCompleteOverlappedRequest", ResultKind.INT, true,
            "s", "overlapped", "dwError", "cbTransferred");

    private static final Upcall[] BY_NUMBER = values();

    private final String apiName;
    private final ResultKind resultKind;
    private final boolean hasErrno;
    private final String[] argNames;

    Upcall(String apiName, ResultKind resultKind, boolean hasErrno, String... argNames) {
        this.apiName = apiName;
        this.resultKind = resultKind;
        this.hasErrno = hasErrno;
        this.argNames = argNames;
    }

    /** The Windows name, e.g. {@code WPUCreateSocketHandle}. */
    public String apiName() {
        return apiName;
    }

    /** The number used in the trace format. */
    public int number() {
        return ordinal();
    }

    public ResultKind resultKind() {
        return resultKind;
    }

    /** Whether the upcall reports errors through an lpErrno out-parameter. */
    public boolean hasErrno() {
        return hasErrno;
    }

    public java.util.List<String> argNames() {
        return java.util.List.of(argNames);
    }

    /**
     * Whether argument {@code index} is an out-argument whose writing the tracer checks (trace format §4,
     * 1.1): upcall_flags bit 3 says the callee left it alone.
     */
    public boolean isOutArgument(int index) {
        return switch (this) {
            case WPU_QUERY_SOCKET_HANDLE_CONTEXT -> index == 1;
            case WPU_QUERY_BLOCKING_CALLBACK -> index == 1 || index == 2;
            case WPU_OPEN_CURRENT_THREAD -> index == 0 || index == 1;
            default -> false;
        };
    }

    /**
     * Whether argument {@code index} of a call with these upcall_flags holds what the callee wrote: false for
     * an out-argument it left alone (bit 3), whose recorded value is the caller's own.
     */
    public boolean isArgWritten(int index, int upcallFlags) {
        return !isOutArgument(index) || (upcallFlags & TraceRecord.UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN) == 0;
    }

    /** Whether {@code result} means the call failed. */
    public boolean isFailure(long result) {
        return resultKind.isFailure(result);
    }

    /** The upcall with this trace-format number, or {@code null} for an unknown number. */
    public static Upcall ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }
}
