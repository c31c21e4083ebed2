package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to select from an {@link EventStore}; every criterion given must hold (AND), a criterion left
 * out (null / false) selects everything. Immutable: each {@code with...} returns a new filter.
 *
 * @param processes process indexes ({@link ProcessInfo#index()})
 * @param threads   thread ids
 * @param kind      only upcall rows or only downcall rows
 * @param upcalls   upcall numbers: upcall rows with one of them (with {@code downcalls} given too, either matches;
 *                  with only this given, no downcall row matches)
 * @param downcalls downcall function numbers: downcall rows with one of them (likewise)
 * @param modules   module indexes ({@link ModuleInfo#index()}): the provider that made the call
 * @param socket    a socket handle the row is about (its socket argument, the handle it created, a downcall's socket)
 * @param failedOnly only calls whose result means failure
 * @param error     only calls with this error code
 * @param text      free text: part (case-insensitively) of what the Live Traffic table shows for the row in
 *                  its process, pid, tid, provider, upcall or function, arguments, result, error or (downcalls)
 *                  socket column, as {@link EventText} writes them (e.g. {@code FD_READ}, {@code lparam=0x1},
 *                  {@code 0x2C8}, {@code WSPConnect}, {@code 127.0.0.1:8080})
 */
public record EventFilter(Set<Integer> processes, Set<Integer> threads, RowKind kind, Set<Integer> upcalls,
                          Set<Integer> downcalls, Set<Integer> modules, Long socket, boolean failedOnly, Integer error,
                          String text) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, false, null,
            null);

    public EventFilter {
        processes = processes == null ? null : Set.copyOf(processes);
        threads = threads == null ? null : Set.copyOf(threads);
        upcalls = upcalls == null ? null : Set.copyOf(upcalls);
        downcalls = downcalls == null ? null : Set.copyOf(downcalls);
        modules = modules == null ? null : Set.copyOf(modules);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public EventFilter withProcesses(Integer... indexes) {
        return new EventFilter(distinct(indexes), threads, kind, upcalls, downcalls, modules, socket, failedOnly,
                error, text);
    }

    public EventFilter withThreads(Integer... tids) {
        return new EventFilter(processes, distinct(tids), kind, upcalls, downcalls, modules, socket, failedOnly,
                error, text);
    }

    /** Only upcall rows or only downcall rows ("downcalls / upcalls / both"; null: both). */
    public EventFilter withKind(RowKind only) {
        return new EventFilter(processes, threads, only, upcalls, downcalls, modules, socket, failedOnly, error,
                text);
    }

    public EventFilter withUpcalls(Upcall... list) {
        Set<Integer> numbers = Arrays.stream(list).map(Upcall::number).collect(Collectors.toSet());
        return new EventFilter(processes, threads, kind, numbers, downcalls, modules, socket, failedOnly, error,
                text);
    }

    public EventFilter withDowncalls(Downcall... list) {
        Set<Integer> numbers = Arrays.stream(list).map(Downcall::number).collect(Collectors.toSet());
        return new EventFilter(processes, threads, kind, upcalls, numbers, modules, socket, failedOnly, error,
                text);
    }

    public EventFilter withModules(Integer... indexes) {
        return new EventFilter(processes, threads, kind, upcalls, downcalls, distinct(indexes), socket, failedOnly,
                error, text);
    }

    public EventFilter withSocket(long handle) {
        return new EventFilter(processes, threads, kind, upcalls, downcalls, modules, handle, failedOnly, error,
                text);
    }

    public EventFilter withFailedOnly() {
        return new EventFilter(processes, threads, kind, upcalls, downcalls, modules, socket, true, error, text);
    }

    public EventFilter withError(int code) {
        return new EventFilter(processes, threads, kind, upcalls, downcalls, modules, socket, failedOnly, code,
                text);
    }

    public EventFilter withText(String query) {
        return new EventFilter(processes, threads, kind, upcalls, downcalls, modules, socket, failedOnly, error,
                query);
    }

    private static Set<Integer> distinct(Integer... values) {
        return Set.copyOf(List.of(values));
    }
}
