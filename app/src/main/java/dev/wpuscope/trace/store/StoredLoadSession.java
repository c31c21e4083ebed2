package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;

/**
 * One load session of a stored process: the hello that began it and the first store row after that hello (its
 * events are the process's rows from there until the next load session's first row).
 */
public record StoredLoadSession(TraceRecord.ProcessHello hello, int firstRow) {

    /** The load session's number (1, 2, ...), or 0 for a 1.0 hello, which does not number them. */
    public int number() {
        return hello.loadSession() == null ? 0 : hello.loadSession().number();
    }
}
