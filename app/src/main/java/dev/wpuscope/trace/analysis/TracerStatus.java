package dev.wpuscope.trace.analysis;

/** Names and consequences of the tracer status codes (trace format §5). */
public final class TracerStatus {

    public static final int OK = 0;
    public static final int LOWER_STARTUP_FAILED = 6;
    public static final int IAT_HOOK_FAILED = 8;
    public static final int DISABLED = 9;
    public static final int INVALID_PROC_TABLE = 12;

    private static final String[] NAMES = {
        "OK", "NOT_IN_CHAIN", "NEXT_PROVIDER_NOT_FOUND", "PROVIDER_PATH_FAILED", "LOAD_FAILED", "NO_WSPSTARTUP",
        "LOWER_STARTUP_FAILED", "SINK_UNAVAILABLE", "IAT_HOOK_FAILED", "DISABLED", "RING_FULL", "INTERNAL",
        "INVALID_PROC_TABLE"};

    private TracerStatus() {
    }

    /** E.g. {@code LOAD_FAILED (4)}, or {@code status 99} for a code this version does not know. */
    public static String describe(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] + " (" + status + ")" : "status " + status;
    }

    /** The name alone, e.g. {@code LOAD_FAILED}, or {@code status 99}. */
    public static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "status " + status;
    }

    /**
     * Whether a PROVIDER_LOADED with this status means the chain could not start (statuses 1-6 and 12): the
     * tracer's WSPStartup failed and applications get an error from {@code socket()}.
     */
    public static boolean chainCannotStart(int status) {
        return status >= 1 && status <= LOWER_STARTUP_FAILED || status == INVALID_PROC_TABLE;
    }
}
