package dev.wpuscope.ui.traffic;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.ModuleInfo;
import dev.wpuscope.trace.store.ProcessInfo;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what the Live Traffic view asks for into the store's {@link dev.wpuscope.trace.store.EventFilter}, resolved
 * against the processes and modules the store knows now (so it is rebuilt for each batch of new rows: a
 * process that appears later and matches the process text is included). The event set of a panel row is
 * not a store criterion; the view model applies it.
 */
final class StoreFilters {

    private StoreFilters() {
    }

    static dev.wpuscope.trace.store.EventFilter of(TrafficFilter wanted, EventStore store) {
        dev.wpuscope.trace.store.EventFilter f = dev.wpuscope.trace.store.EventFilter.ALL;
        if (!wanted.process().isEmpty()) {
            f = f.withProcesses(processesMatching(wanted.process(), store));
        }
        if (!wanted.provider().isEmpty()) {
            f = f.withModules(modulesMatching(wanted.provider(), store));
        }
        if (wanted.thread() != null) {
            f = f.withThreads(wanted.thread());
        }
        if (wanted.kind() != null) {
            f = f.withKind(wanted.kind());
        }
        if (wanted.upcall() != null) {
            f = f.withUpcalls(wanted.upcall());
        }
        if (wanted.downcall() != null) {
            f = f.withDowncalls(wanted.downcall());
        }
        if (wanted.socket() != null) {
            f = f.withSocket(wanted.socket());
        }
        if (wanted.errorsOnly()) {
            f = f.withFailedOnly();
        }
        return f.withText(wanted.text());
    }

    /** Processes whose image file name contains {@code lowerText}, or whose pid is that number. */
    private static Integer[] processesMatching(String lowerText, EventStore store) {
        return toArray(store.processes().stream()
                .filter(p -> contains(EntryLabels.fileName(p.image()), lowerText)
                        || Integer.toString(p.pid()).equals(lowerText))
                .map(ProcessInfo::index).collect(Collectors.toSet()));
    }

    /** Provider modules whose file name contains {@code lowerText}. */
    private static Integer[] modulesMatching(String lowerText, EventStore store) {
        return toArray(store.modules().stream()
                .filter(m -> contains(EntryLabels.fileName(m.path()), lowerText))
                .map(ModuleInfo::index).collect(Collectors.toSet()));
    }

    private static Integer[] toArray(Set<Integer> indexes) {
        return indexes.toArray(Integer[]::new);
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
