package dev.wpuscope.trace.analysis;

/** Names of the tracer status codes (trace format §5). */
public final class TracerStatus {

    private static final String[] NAMES = {
        "OK", "NOT_IN_CHAIN", "NEXT_PROVIDER_NOT_FOUND", "PROVIDER_PATH_FAILED", "LOAD_FAILED", "NO_WSPSTARTUP",
        "LOWER_STARTUP_FAILED", "SINK_UNAVAILABLE", "IAT_HOOK_FAILED", "DISABLED", "RING_FULL", "INTERNAL"};

    private TracerStatus() {
    }

    /** E.g. {@code LOAD_FAILED (4)}, or {@code status 99} for a code this version does not know. */
    public static String describe(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] + " (" + status + ")" : "status " + status;
    }
}
