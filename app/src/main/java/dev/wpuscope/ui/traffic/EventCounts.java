package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events per upcall or downcall function and per provider, counted as rows arrive. */
final class EventCounts {
    private final long[] perUpcall = new long[Upcall.values().length + 1];
    private final long[] perDowncall = new long[Downcall.values().length + 1];
    private final Map<String, long[]> perProvider = new HashMap<>();

    void count(TrafficEvents events, int row) {
        if (events.store().isDowncall(row)) {
            Downcall function = events.store().downcall(row);
            perDowncall[function == null ? perDowncall.length - 1 : function.ordinal()]++;
        } else {
            Upcall upcall = events.upcall(row);
            perUpcall[upcall == null ? perUpcall.length - 1 : upcall.ordinal()]++;
        }
        perProvider.computeIfAbsent(EventText.providerLabel(events.providerName(row)), name -> new long[1])[0]++;
    }

    void clear() {
        Arrays.fill(perUpcall, 0);
        Arrays.fill(perDowncall, 0);
        perProvider.clear();
    }

    /** Upcalls and downcall functions that occurred, most frequent first. */
    List<CountRow> upcalls() {
        List<CountRow> rows = new ArrayList<>();
        addCounts(rows, perUpcall, Arrays.stream(Upcall.values()).map(Upcall::apiName).toList(), "unknown upcall");
        addCounts(rows, perDowncall, Arrays.stream(Downcall.values()).map(Downcall::apiName).toList(),
                "unknown downcall");
        rows.sort(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::name));
        return rows;
    }

    private static void addCounts(List<CountRow> rows, long[] counts, List<String> names, String unknown) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                rows.add(new CountRow(i < names.size() ? names.get(i) : unknown, counts[i]));
            }
        }
    }

    List<CountRow> providers() {
        List<CountRow> rows = new ArrayList<>();
        perProvider.forEach((name, count) -> rows.add(new CountRow(name, count[0])));
        rows.sort(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::name));
        return rows;
    }
}
