package dev.wpuscope.trace.analysis;

/** Lifecycle state of one generation of a handle value. */
public enum ResourceState {
    /** Created and not closed (yet). */
    OPEN,
    /**
     * An IFS handle (WPUModifyIFSHandle): its provider closes it itself (CloseHandle in WSPCloseSocket), not
     * through an upcall, so the trace cannot tell when it ends. Never reported as leaked.
     */
    CLOSE_NOT_TRACED,
    /** Created and closed exactly once. */
    CLOSED,
    /** Still open when its process said goodbye. */
    LEAKED,
    /** Still open when its load session ended with the providers unloaded (WSPCleanup) while the process went on. */
    NOT_RELEASED_AT_UNLOAD,
    /** Its value was returned by a creation again while it was open (reported as such, not also as leaked). */
    RETURNED_AGAIN_WHILE_OPEN,
    /** Closed again after it was closed. */
    CLOSED_TWICE,
    /** Used (queried, set, targeted) after it was closed. */
    USED_AFTER_CLOSE,
    /** Used or closed, but its creation is not in the trace. */
    UNKNOWN,
    /** The creating upcall failed: there is no handle. */
    FAILED_CREATION
}
