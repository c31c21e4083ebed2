package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One writer appending while readers read and filter: every row a reader can see is complete. */
class EventStoreConcurrencyTest {

    private static final int ROWS = 400_000;

    /** Row i is derived from i, so a reader can check any row it sees. */
    private static TraceRecord.UpcallEvent event(int i) {
        long[] args = new long[i % 5];
        for (int k = 0; k < args.length; k++) {
            args[k] = (long) i * 10 + k;
        }
        Upcall upcall = Upcall.ofNumber(i % 16);
        long result = i % 7 == 0 ? (long) i << 33 : i;
        return new TraceRecord.UpcallEvent(0, 10 + i % 3, i, upcall.number(), 100 + i % 11, 0, i, i, i % 13 == 0
                ? 1L << 40 : i, result, i % 9 == 0 ? 10038 : 0, 0, args, i % 1000 == 0 ? "text " + i : "");
    }

    @Test
    void readersSeeOnlyCompleteRowsWhileTheWriterAppends() throws Exception {
        EventStore store = new EventStore();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> checks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            checks.add(readers.submit(() -> readWhileWriting(store, done, new Random(seed))));
        }
        for (int i = 0; i < ROWS; i++) {
            TraceRecord.UpcallEvent e = event(i);
            store.append(e, e.startTicks(), e.durationTicks());
        }
        done.set(true);
        int checked = 0;
        for (Future<Integer> f : checks) {
            checked += f.get();
        }
        readers.shutdown();
        assertTrue(checked > 0);
        assertEquals(ROWS, store.size());
        assertEquals(ROWS / 16 + (ROWS % 16 > 3 ? 1 : 0),
                EventQuery.select(store, EventFilter.ALL.withUpcalls(Upcall.ofNumber(3))).size());
    }

    private static int readWhileWriting(EventStore store, AtomicBoolean done, Random random) {
        int checked = 0;
        boolean last = false;
        while (!last) {
            last = done.get();
            int size = store.size();
            if (size == 0) {
                continue;
            }
            for (int j = 0; j < 200; j++) {
                int row = random.nextInt(size);
                checkRow(store, row);
                checked++;
            }
            IntList failed = EventQuery.select(store, EventFilter.ALL.withError(10038));
            for (int j = 0; j < failed.size(); j++) {
                assertEquals(0, failed.get(j) % 9);
            }
            assertTrue(failed.size() >= (size - 1) / 9);
        }
        return checked;
    }

    private static void checkRow(EventStore store, int row) {
        TraceRecord.UpcallEvent expected = event(row);
        TraceRecord.UpcallEvent seen = (TraceRecord.UpcallEvent) store.call(row);
        assertEquals(expected.result(), seen.result(), "row " + row);
        assertEquals(expected.durationTicks(), seen.durationTicks(), "row " + row);
        assertEquals(expected.tid(), seen.tid(), "row " + row);
        assertEquals(expected.pid(), seen.pid(), "row " + row);
        assertEquals(expected.text(), seen.text(), "row " + row);
        assertEquals(expected.error(), seen.error(), "row " + row);
        assertEquals(java.util.Arrays.toString(expected.args()), java.util.Arrays.toString(seen.args()), "row " + row);
    }
}
