package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;

/**
 * One WPUQueueApc call and the thread it targets.
 *
 * @param call       the WPUQueueApc record (result, error)
 * @param provider   the module that queued it
 * @param threadOpen the WPUOpenCurrentThread that produced the target's WSATHREADID (its tid is the target
 *                   thread), {@code null} when that handle was not opened in this trace
 */
public record ApcTarget(UpcallEvent call, String provider, UpcallEvent threadOpen) {

    public long threadHandle() {
        return call.arg(0);
    }

    public long apcRoutine() {
        return call.arg(2);
    }

    public long context() {
        return call.arg(3);
    }

    /** The thread the APC goes to, or {@code null} when the handle's opening is not in the trace. */
    public Integer targetTid() {
        return threadOpen == null ? null : threadOpen.tid();
    }
}
