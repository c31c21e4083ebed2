package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.ProcessHello;

/**
 * What the trace says about one traced process.
 *
 * @param hello         its PROCESS_HELLO, {@code null} when the trace does not have it
 * @param upcalls       UPCALL records received
 * @param failedUpcalls of those, the ones whose result means failure
 * @param droppedTotal  events the tracer dropped (latest DROPS or GOODBYE total)
 * @param emitted       events the tracer handed out, from PROCESS_GOODBYE; -1 while the process has not ended
 */
public record ProcessSummary(int pid, ProcessHello hello, long upcalls,
                             long failedUpcalls, long droppedTotal, long emitted) {

    public boolean ended() {
        return emitted >= 0;
    }

    /** The image path, or a placeholder when the hello is missing. */
    public String image() {
        return hello == null ? "(no PROCESS_HELLO)" : hello.imagePath();
    }
}
