package dev.wpuscope.trace.export;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.trace.store.SideRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Saves stored events as a capture in the trace format: one stream whose clock is FILETIME itself
 * (10 MHz, ticks = FILETIME), so events from several sources keep their wall-clock times. A subset keeps
 * the non-upcall records (hello, modules, providers, drops, messages, goodbye) of the processes it has.
 */
public final class CaptureSaver {

    private static final long FILETIME_FREQUENCY = 10_000_000L;

    private CaptureSaver() {
    }

    /**
     * Writes {@code rows} (every row when null) and their processes' other records, in capture order whatever the
     * order of {@code rows} (e.g. a table sorted, or nested with each call before what ran inside it): a capture
     * read back must meet each process's hello before its calls, and the calls nested in a downcall before its
     * record, as the tracer wrote them.
     */
    public static void save(EventStore store, IntList givenRows, OutputStream out) throws IOException {
        IntList rows = givenRows == null ? null : IntList.of(givenRows.stream().sorted().toArray());
        int n = rows == null ? store.size() : rows.size();
        Set<Integer> pids = rows == null ? null : pidsOf(store, rows);
        List<SideRecord> side = store.sideRecords();
        long start = n > 0 ? store.time(rowAt(rows, 0)) : 0;
        TraceWriter writer = new TraceWriter(out);
        writer.writeHeader(FILETIME_FREQUENCY, start, start, 0);
        int s = 0;
        for (int i = 0; i < n; i++) {
            int row = rowAt(rows, i);
            for (; s < side.size() && side.get(s).row() <= row; s++) {
                writeSide(writer, side.get(s), pids);
            }
            writer.write(store.call(row));
        }
        for (; s < side.size(); s++) {
            writeSide(writer, side.get(s), pids);
        }
        writer.flush();
    }

    private static int rowAt(IntList rows, int i) {
        return rows == null ? i : rows.get(i);
    }

    private static Set<Integer> pidsOf(EventStore store, IntList rows) {
        Set<Integer> pids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            pids.add(store.pid(rows.get(i)));
        }
        return pids;
    }

    private static void writeSide(TraceWriter writer, SideRecord side, Set<Integer> pids) throws IOException {
        if (pids == null || pids.contains(side.record().pid())) {
            writer.write(side.record());
        }
    }
}
