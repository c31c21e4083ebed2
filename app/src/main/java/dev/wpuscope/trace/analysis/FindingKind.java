package dev.wpuscope.trace.analysis;

/** The kinds of problems the analyzers report. */
public enum FindingKind {
    LEAKED("not closed before the process ended"),
    NOT_RELEASED_AT_UNLOAD("not released before the provider was unloaded (WSPCleanup)"),
    CLOSED_TWICE("closed twice"),
    USED_AFTER_CLOSE("used after close"),
    UNKNOWN_HANDLE("handle never created in the trace"),
    CREATE_FAILED("creation failed"),
    CLOSE_FAILED("close failed"),
    REUSED_WHILE_OPEN("handle value returned again while open"),
    CONTEXT_MISMATCH("context differs from the one given at creation"),
    NULL_OUT_POINTER("null out-argument"),
    UPCALL_FAILED("upcall failed"),
    IFS_MISMATCH("upcall does not fit the provider's IFS kind"),
    SEVERAL_FD_EVENTS("lParam names several FD_* events"),
    UNKNOWN_FD_EVENT("lParam names no known FD_* event"),
    EVENTS_DROPPED("events dropped by the tracer"),
    EVENTS_UNACCOUNTED("events lost unaccounted"),
    TRACER_MESSAGE("tracer message"),
    TRACER_PASS_THROUGH("tracer passes through"),
    CHAIN_CANNOT_START("the chain cannot start"),
    UNKNOWN_UPCALL("unknown upcall number"),
    UNKNOWN_DOWNCALL("unknown downcall function number"),
    CLOSE_WITHOUT_HANDLE_CLOSE("WSPCloseSocket without WPUCloseSocketHandle"),
    ASYNC_SELECT_UNANSWERED("async-select registration never answered"),
    UNREQUESTED_FD_EVENT("notification for events not asked for"),
    OVERLAPPED_NOT_COMPLETED("overlapped request never completed"),
    CALL_AFTER_CLOSE("call on a socket after its close");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    /** A short readable description. */
    public String label() {
        return label;
    }
}
