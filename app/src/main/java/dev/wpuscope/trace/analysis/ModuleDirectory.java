package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the per-process module ids of UPCALL records to the module paths announced by MODULE records, and the
 * served catalog entry of a DOWNCALL record to the provider its chain goes down to (PROVIDER_LOADED).
 */
public final class ModuleDirectory {

    /** Provider name used for module id 0 (the tracer could not tell which module called). */
    public static final String UNKNOWN_MODULE = "(unknown module)";

    private record Key(int pid, int moduleId) {
    }

    private final Map<Key, String> paths = new HashMap<>();
    /** The next provider's module id by pid and served catalog entry id. */
    private final Map<Key, Integer> servedModules = new HashMap<>();
    /** The latest lookup: consecutive upcalls mostly come from the same module. */
    private Key lastKey;
    private String lastName;

    /** Learns from MODULE records; a new PROCESS_HELLO forgets the modules of an earlier process with that pid. */
    public void accept(TraceRecord record) {
        if (record instanceof TraceRecord.Module m) {
            paths.put(new Key(m.pid(), m.moduleId()), m.path());
            lastKey = null;
        } else if (record instanceof TraceRecord.ProviderLoaded l) {
            servedModules.put(new Key(l.pid(), l.servedEntryId()), l.nextModuleId());
        } else if (record instanceof TraceRecord.ProcessHello h) {
            paths.keySet().removeIf(k -> k.pid() == h.pid());
            servedModules.keySet().removeIf(k -> k.pid() == h.pid());
            lastKey = null;
        }
    }

    /** The provider a downcall down the chain of {@code servedEntryId} went to (see {@link #providerName}). */
    public String providerOfEntry(int pid, int servedEntryId) {
        Integer module = servedModules.get(new Key(pid, servedEntryId));
        return providerName(pid, module == null ? 0 : module);
    }

    /** The module's path, or a placeholder naming the id when the module was never announced. */
    public String providerName(int pid, int moduleId) {
        if (moduleId == 0) {
            return UNKNOWN_MODULE;
        }
        if (lastKey == null || lastKey.pid() != pid || lastKey.moduleId() != moduleId) {
            lastKey = new Key(pid, moduleId);
            String path = paths.get(lastKey);
            lastName = path != null ? path : "(module #" + moduleId + ", not announced)";
        }
        return lastName;
    }
}
