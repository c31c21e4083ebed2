package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPUQueryBlockingCallback per thread: the callback pointer and context returned, how often, errors. */
public final class BlockingCallbackAnalyzer extends UpcallAnalyzer {

    private record ThreadKey(int pid, int tid) {
    }

    private record Answer(long callback, long context) {
    }

    private static final class PerThread {
        int calls;
        int failures;
        int lastError;
        final Map<Answer, Integer> answers = new LinkedHashMap<>();
    }

    private final Map<ThreadKey, PerThread> threads = new LinkedHashMap<>();

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        if (event.upcall() != Upcall.WPU_QUERY_BLOCKING_CALLBACK) {
            return;
        }
        PerThread thread = threads.computeIfAbsent(new ThreadKey(event.pid(), event.tid()), k -> new PerThread());
        thread.calls++;
        if (event.failed()) {
            thread.failures++;
            thread.lastError = event.error();
            reportFailure(event, provider, "on thread " + event.tid());
        } else if (event.argWritten(1)) {
            thread.answers.merge(new Answer(event.arg(1), event.arg(2)), 1, Integer::sum);
        }
        if (outArgUnreadable(event)) {
            reportNullOutPointer(event, provider, "callback or context");
        }
    }

    /** One entry per (pid, thread), in the order the threads first asked. */
    public synchronized List<ThreadBlockingCallbacks> threads() {
        List<ThreadBlockingCallbacks> result = new ArrayList<>();
        threads.forEach((key, t) -> result.add(new ThreadBlockingCallbacks(key.pid(), key.tid(), t.calls,
                t.failures, t.lastError, t.answers.entrySet().stream()
                .map(a -> new ThreadBlockingCallbacks.Value(a.getKey().callback(), a.getKey().context(),
                        a.getValue()))
                .toList())));
        return result;
    }
}
