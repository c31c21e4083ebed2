package dev.wpuscope.trace.store;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.model.TraceRecord;

/**
 * A module that upcalls come from, within one process: its index in the store, the process index, the
 * per-process module id of the capture (0 = unknown), its MODULE record (null when not seen) and its file name.
 */
public record ModuleInfo(int index, int process, int moduleId, TraceRecord.Module module, String fileName) {

    /** {@code fileName}, the path's last part ("" when unknown), is worked out once: tables and counts ask per row. */
    public ModuleInfo(int index, int process, int moduleId, TraceRecord.Module module) {
        this(index, process, moduleId, module, EntryLabels.fileName(module == null ? "" : module.path()));
    }

    /** The module path, or "" when unknown. */
    public String path() {
        return module == null ? "" : module.path();
    }
}
