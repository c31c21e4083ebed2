package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.HashMap;
import java.util.Map;

/** Resolves the per-process module ids of UPCALL records to the module paths announced by MODULE records. */
public final class ModuleDirectory {

    /** Provider name used for module id 0 (the tracer could not tell which module called). */
    public static final String UNKNOWN_MODULE = "(unknown module)";

    private record Key(int pid, int moduleId) {
    }

    private final Map<Key, String> paths = new HashMap<>();

    /** Learns from MODULE records; a new PROCESS_HELLO forgets the modules of an earlier process with that pid. */
    public void accept(TraceRecord record) {
        if (record instanceof TraceRecord.Module m) {
            paths.put(new Key(m.pid(), m.moduleId()), m.path());
        } else if (record instanceof TraceRecord.ProcessHello h) {
            paths.keySet().removeIf(k -> k.pid() == h.pid());
        }
    }

    /** The module's path, or a placeholder naming the id when the module was never announced. */
    public String providerName(int pid, int moduleId) {
        if (moduleId == 0) {
            return UNKNOWN_MODULE;
        }
        String path = paths.get(new Key(pid, moduleId));
        return path != null ? path : "(module #" + moduleId + ", not announced)";
    }
}
