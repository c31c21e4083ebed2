package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPUCompleteOverlappedRequest calls, with totals per socket. */
public final class OverlappedAnalyzer extends UpcallAnalyzer {

    private final CappedList<OverlappedCompletion> completions = new CappedList<>();
    private final Map<SocketRef, SocketCompletions> perSocket = new LinkedHashMap<>();

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        if (event.upcall() != Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST) {
            return;
        }
        OverlappedCompletion completion = new OverlappedCompletion(event, provider);
        completions.add(completion);
        SocketRef key = new SocketRef(event.pid(), completion.socket());
        perSocket.put(key, perSocket.getOrDefault(key, new SocketCompletions(key.pid(), key.socket(), 0, 0, 0, 0))
                .plus(completion));
        if (event.failed()) {
            reportFailure(event, provider, "for socket " + Hex.of(completion.socket()));
        }
    }

    /** The completions in order: the first 100,000 ({@link #completionCount} counts all). */
    public synchronized List<OverlappedCompletion> completions() {
        return completions.kept();
    }

    public synchronized long completionCount() {
        return completions.total();
    }

    /** Totals per (pid, socket), in the order the sockets first appeared. */
    public synchronized List<SocketCompletions> perSocket() {
        return List.copyOf(perSocket.values());
    }
}
