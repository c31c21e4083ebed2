package dev.wpuscope.trace.analysis;

import java.util.List;

/**
 * What WPUQueryBlockingCallback returned on one thread.
 *
 * @param calls     how many times the thread asked
 * @param failures  how many of those failed
 * @param lastError the error of the latest failure, 0 if none failed
 * @param values    each distinct (callback, context) pair returned by a successful call, with its count
 */
public record ThreadBlockingCallbacks(int pid, int tid, int calls, int failures, int lastError,
                                      List<Value> values) {

    /** One distinct answer: the blocking hook pointer and its context. */
    public record Value(long callback, long context, int count) {
    }

    public ThreadBlockingCallbacks {
        values = List.copyOf(values);
    }
}
