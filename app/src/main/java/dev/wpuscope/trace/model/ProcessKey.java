package dev.wpuscope.trace.model;

/**
 * What identifies a process across its load sessions (trace format §4, 1.1): its pid and its start time, since
 * Windows reuses pids. A 1.0 hello has no start time, and so no key: each 1.0 hello begins a new process.
 */
public record ProcessKey(int pid, long processStartFiletime) {

    /** The key of the process a hello is from, or {@code null} for a 1.0 hello. */
    public static ProcessKey of(TraceRecord.ProcessHello hello) {
        LoadSession session = hello.loadSession();
        return session == null ? null : new ProcessKey(hello.pid(), session.processStartFiletime());
    }
}
