package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events per upcall and per provider, counted as rows arrive. */
final class EventCounts {
    private final long[] perUpcall = new long[Upcall.values().length + 1];
    private final Map<String, long[]> perProvider = new HashMap<>();

    void count(TrafficEvents events, int row) {
        Upcall upcall = events.upcall(row);
        perUpcall[upcall == null ? perUpcall.length - 1 : upcall.ordinal()]++;
        perProvider.computeIfAbsent(EventText.providerLabel(events.providerName(row)), name -> new long[1])[0]++;
    }

    void clear() {
        java.util.Arrays.fill(perUpcall, 0);
        perProvider.clear();
    }

    /** Upcalls that occurred, most frequent first. */
    List<CountRow> upcalls() {
        List<CountRow> rows = new ArrayList<>();
        Upcall[] upcalls = Upcall.values();
        for (int i = 0; i < perUpcall.length; i++) {
            if (perUpcall[i] > 0) {
                rows.add(new CountRow(i < upcalls.length ? upcalls[i].apiName() : "unknown upcall", perUpcall[i]));
            }
        }
        rows.sort(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::name));
        return rows;
    }

    List<CountRow> providers() {
        List<CountRow> rows = new ArrayList<>();
        perProvider.forEach((name, count) -> rows.add(new CountRow(name, count[0])));
        rows.sort(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::name));
        return rows;
    }
}
