package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;

/**
 * A traced process: its index in the store, its pid and its PROCESS_HELLO (null when the capture lost it).
 * A pid seen again after a new hello is a new process.
 */
public record ProcessInfo(int index, int pid, TraceRecord.ProcessHello hello) {

    /** The process image path, or "" when unknown. */
    public String image() {
        return hello == null ? "" : hello.imagePath();
    }
}
