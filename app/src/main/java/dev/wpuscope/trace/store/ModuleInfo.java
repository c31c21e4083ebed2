package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;

/**
 * A module that upcalls come from, within one process: its index in the store, the process index, the
 * per-process module id of the capture (0 = unknown) and its MODULE record (null when not seen).
 */
public record ModuleInfo(int index, int process, int moduleId, TraceRecord.Module module) {

    /** The module path, or "" when unknown. */
    public String path() {
        return module == null ? "" : module.path();
    }
}
