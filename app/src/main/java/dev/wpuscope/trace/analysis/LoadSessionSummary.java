package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord.ProcessHello;
import dev.wpuscope.trace.model.TraceRecord.ProviderLoaded;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the trace says about one load session of a process: from its PROCESS_HELLO to its PROCESS_GOODBYE.
 *
 * @param pid           the process's pid
 * @param number        1, 2, ... (1.1), or 0 when the tracer did not number it (1.0, or no hello)
 * @param hello         its PROCESS_HELLO, {@code null} when the trace does not have it
 * @param upcalls       UPCALL records received
 * @param failedUpcalls of those, the ones whose result means failure
 * @param downcalls     DOWNCALL records received (1.2)
 * @param failedDowncalls of those, the ones whose result means failure
 * @param droppedTotal  events the tracer dropped (latest DROPS or GOODBYE total)
 * @param emitted       events the tracer handed out, from PROCESS_GOODBYE; -1 while the session has not ended
 * @param endReason     why it ended, {@code null} while it has not
 * @param providers     the PROVIDER_LOADED records of the load session, in order
 */
public record LoadSessionSummary(int pid, int number, ProcessHello hello, long upcalls, long failedUpcalls,
                                 long downcalls, long failedDowncalls, long droppedTotal, long emitted, EndReason endReason,
                                 List<ProviderLoaded> providers) {

    public LoadSessionSummary {
        providers = List.copyOf(providers);
    }

    /** The process image path, or a placeholder when the hello is missing. */
    public String image() {
        return hello == null ? "(no PROCESS_HELLO)" : hello.imagePath();
    }

    /** What each PROVIDER_LOADED says happened ({@link ProviderStart#describe}), or "" when there was none. */
    public String providerStarts() {
        return providers.stream().map(ProviderStart::describe).collect(Collectors.joining("; "));
    }

    public boolean ended() {
        return endReason != null;
    }

    /** E.g. "ended at WSPCleanup (4 emitted)", or "no goodbye". */
    public String end() {
        return ended() ? endReason.phrase() + " (" + emitted + " emitted)" : "no goodbye";
    }
}
