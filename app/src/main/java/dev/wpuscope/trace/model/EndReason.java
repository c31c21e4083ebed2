package dev.wpuscope.trace.model;

/** Why a load session ended: PROCESS_GOODBYE's end_reason (trace format §4, 1.1). */
public enum EndReason {
    /** 0, a 1.0 tracer (no end_reason) or a code newer than this reader: unloaded or the process ended. */
    UNKNOWN("ended"),
    /** 1: the last WSPCleanup unloaded the providers; the process goes on and may load them again. */
    CLEANUP("ended at WSPCleanup"),
    /** 2: the process is ending. */
    PROCESS_EXIT("ended at process exit"),
    /** 3: the tracer DLL was unloaded without a last WSPCleanup. */
    UNLOADED("ended when the tracer was unloaded"),
    /** 4: no WSPStartup of the load session succeeded. */
    STARTUP_FAILED("ended because the chain could not start");

    private static final EndReason[] BY_CODE = values();

    private final String phrase;

    EndReason(String phrase) {
        this.phrase = phrase;
    }

    /** The reason of an end_reason code; {@link #UNKNOWN} when absent (null) or newer than this reader. */
    public static EndReason of(Integer code) {
        return code != null && code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    /** The code in the trace format. */
    public int code() {
        return ordinal();
    }

    /** E.g. "ended at WSPCleanup". */
    public String phrase() {
        return phrase;
    }

    /**
     * Whether the providers were unloaded while the process may go on: what the load session still held was
     * not released before its provider went away, rather than left to the end of the process.
     */
    public boolean providersUnloaded() {
        return this == CLEANUP || this == UNLOADED || this == STARTUP_FAILED;
    }
}
