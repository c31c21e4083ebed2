package dev.wpuscope.ui.traffic;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.ModuleInfo;
import dev.wpuscope.trace.store.ProcessInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * What a sortable column of the event table sorts by: a primitive value per row read from the store.
 * Name columns sort by the name's alphabetical rank among the names the store knows when the key is made.
 */
public enum SortKey {
    NUMBER, TIME, PROCESS, PID, TID, PROVIDER, CALL, RESULT, ERROR, DURATION;

    /** The row's value for this key in {@code store}, ready for comparing rows (lower sorts first). */
    IntToLongFunction of(EventStore store) {
        return switch (this) {
            case NUMBER -> row -> row;
            case TIME -> store::time;
            case PROCESS -> byRank(store.processes(), p -> p.image(), ProcessInfo::index, row -> store.process(row).index());
            case PID -> store::pid;
            case TID -> store::tid;
            case PROVIDER -> byRank(store.modules(), ModuleInfo::path, ModuleInfo::index, row -> store.module(row).index());
            case CALL -> byCallName(store);
            case RESULT -> store::result;
            case ERROR -> store::error;
            case DURATION -> store::duration;
        };
    }

    /** Sorts upcalls and downcall functions together by name; numbers this version does not know sort last. */
    private static IntToLongFunction byCallName(EventStore store) {
        List<String> names = Stream.concat(Arrays.stream(Upcall.values()).map(Upcall::apiName),
                Arrays.stream(Downcall.values()).map(Downcall::apiName)).sorted().toList();
        long[] upcallRank = new long[Upcall.values().length];
        long[] downcallRank = new long[Downcall.values().length];
        for (Upcall u : Upcall.values()) {
            upcallRank[u.number()] = names.indexOf(u.apiName());
        }
        for (Downcall d : Downcall.values()) {
            downcallRank[d.number()] = names.indexOf(d.apiName());
        }
        return row -> {
            long[] rank = store.isDowncall(row) ? downcallRank : upcallRank;
            int number = store.callNumber(row);
            return number < rank.length ? rank[number] : Long.MAX_VALUE;
        };
    }

    /**
     * Sorts by the file name of {@code name(item)}: {@code index(item)} identifies the item a row refers to
     * ({@code itemOf(row)}); items this table does not know sort last.
     */
    private static <T> IntToLongFunction byRank(List<T> items, java.util.function.Function<T, String> name,
                                                ToIntFunction<T> index, java.util.function.IntUnaryOperator itemOf) {
        List<T> byName = items.stream()
                .sorted(Comparator.comparing((T item) -> EntryLabels.fileName(name.apply(item)).toLowerCase()))
                .toList();
        int size = items.stream().mapToInt(index).max().orElse(-1) + 1;
        long[] rank = new long[size];
        Arrays.fill(rank, Long.MAX_VALUE);
        for (int r = 0; r < byName.size(); r++) {
            rank[index.applyAsInt(byName.get(r))] = r;
        }
        return row -> {
            int item = itemOf.applyAsInt(row);
            return item >= 0 && item < size ? rank[item] : Long.MAX_VALUE;
        };
    }
}
