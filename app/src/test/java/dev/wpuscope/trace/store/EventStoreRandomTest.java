package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random events over several chunks: every column reads back, every filter equals a brute-force scan. */
class EventStoreRandomTest {

    private static final int ROWS = 100_000;
    private static final List<TraceRecord.UpcallEvent> EVENTS = new ArrayList<>();
    private static final EventStore STORE = new EventStore();

    @BeforeAll
    static void fill() {
        Random random = new Random(1234);
        for (int i = 0; i < ROWS; i++) {
            TraceRecord.UpcallEvent e = StoreFixtures.randomEvent(random, i);
            EVENTS.add(e);
            STORE.append(e, e.startTicks(), e.durationTicks());
        }
    }

    @Test
    void everyRowReadsBackAsAppended() {
        assertEquals(ROWS, STORE.size());
        for (int row = 0; row < ROWS; row++) {
            TraceRecord.UpcallEvent e = EVENTS.get(row);
            TraceRecord.UpcallEvent back = (TraceRecord.UpcallEvent) STORE.call(row);
            assertArrayEquals(e.args(), back.args(), "row " + row);
            assertEquals(e.result(), back.result(), "row " + row);
            assertEquals(e.durationTicks(), back.durationTicks(), "row " + row);
            assertEquals(e.toString().replaceAll("offset=\\d+|args=\\[J@\\w+", ""),
                    back.toString().replaceAll("offset=-?\\d+|args=\\[J@\\w+", ""), "row " + row);
            assertEquals(e.failed(), STORE.failed(row));
        }
    }

    @Test
    void filtersEqualBruteForce() {
        Random random = new Random(99);
        int nonEmpty = 0;
        for (int round = 0; round < 120; round++) {
            EventFilter filter = randomFilter(random);
            IntList expected = new IntList();
            IntPredicate brute = bruteForce(filter);
            for (int row = 0; row < ROWS; row++) {
                if (brute.test(row)) {
                    expected.add(row);
                }
            }
            assertEquals(expected, EventQuery.select(STORE, filter), filter.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 60, nonEmpty + " of 120 filters selected rows");
    }

    /** Column text, argument text across names and values, numbers in part, words of decoded values. */
    private static final String[] QUERIES = {"dir3", "Event", "WSAENOTSOCK", "0x10a", "7003", "econn", "101",
        "FD_READ", "lparam=0x1", "=0x11", "x10a, ", "dwerror=2", "socket_error", "true", "-1", "id=1", "=0x",
        "0, c", "unknown", "(unknown module)", "fd_write|fd_r", "Handle=0x10", "0x10a, context=0x", "path=c:",
        "msg=0x1", "0x12", "A, M", "=", ", ", "x", "null", "1007", "0", "f", "00", "fffffff", "=0x10a, ", "0a, ",
        "7, c", "=0x101, ", "no error code", "(not written)", "not wr"};

    @Test
    void everyTextQueryAloneEqualsBruteForce() {
        int nonEmpty = 0;
        for (String query : QUERIES) {
            EventFilter filter = EventFilter.ALL.withText(query);
            IntPredicate brute = bruteForce(filter);
            IntList expected = new IntList();
            for (int row = 0; row < ROWS; row++) {
                if (brute.test(row)) {
                    expected.add(row);
                }
            }
            assertEquals(expected, EventQuery.select(STORE, filter), query);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertEquals(QUERIES.length, nonEmpty, nonEmpty + " of " + QUERIES.length + " queries selected rows");
    }

    private static EventFilter randomFilter(Random r) {
        EventFilter f = EventFilter.ALL;
        if (r.nextInt(3) == 0) {
            f = f.withProcesses(r.nextInt(4), r.nextInt(4));
        }
        if (r.nextInt(3) == 0) {
            f = f.withThreads(7000 + r.nextInt(6));
        }
        if (r.nextInt(3) == 0) {
            f = f.withUpcalls(Upcall.ofNumber(r.nextInt(16)), Upcall.ofNumber(r.nextInt(16)));
        }
        if (r.nextInt(4) == 0) {
            f = f.withModules(r.nextInt(12));
        }
        if (r.nextInt(4) == 0) {
            f = f.withSocket(0x100 + r.nextInt(40));
        }
        if (r.nextInt(4) == 0) {
            f = f.withFailedOnly();
        }
        if (r.nextInt(5) == 0) {
            f = f.withError(10038 + r.nextInt(20));
        }
        if (r.nextInt(4) == 0) {
            f = f.withText(QUERIES[r.nextInt(QUERIES.length)]);
        }
        return f;
    }

    /** The filter's meaning, computed from the appended events and the store's dictionaries only. */
    private static IntPredicate bruteForce(EventFilter f) {
        return row -> {
            TraceRecord.UpcallEvent e = EVENTS.get(row);
            ProcessInfo p = STORE.process(row);
            ModuleInfo m = STORE.module(row);
            return (f.processes() == null || f.processes().contains(p.index()))
                    && (f.threads() == null || f.threads().contains(e.tid()))
                    && (f.upcalls() == null || f.upcalls().contains(e.upcallNumber()))
                    && (f.modules() == null || f.modules().contains(m.index()))
                    && (f.socket() == null || isAbout(e, f.socket()))
                    && (!f.failedOnly() || e.failed())
                    && (f.error() == null || e.error() == f.error())
                    && (f.text() == null || textMatches(row, f.text()));
        };
    }

    private static boolean isAbout(TraceRecord.UpcallEvent e, long socket) {
        Upcall u = e.upcall();
        if (u == null) {
            return false;
        }
        return switch (u) {
            case WPU_CLOSE_SOCKET_HANDLE, WPU_FD_IS_SET, WPU_QUERY_SOCKET_HANDLE_CONTEXT,
                    WPU_COMPLETE_OVERLAPPED_REQUEST -> e.arg(0) == socket;
            case WPU_POST_MESSAGE -> e.arg(2) == socket;
            case WPU_CREATE_SOCKET_HANDLE, WPU_MODIFY_IFS_HANDLE -> !e.failed() && e.result() == socket;
            default -> false;
        };
    }

    /** Each row's shown columns, formatted in full, lower case, one per line (built once). */
    private static final String[] SHOWN = new String[ROWS];

    /** The query is part of one of the columns the row shows. */
    private static boolean textMatches(int row, String query) {
        if (SHOWN[row] == null) {
            SHOWN[row] = String.join("\n", EventText.process(STORE, row), Integer.toString(STORE.pid(row)),
                    Integer.toString(STORE.tid(row)), EventText.providerLabel(EventText.providerFile(STORE, row)),
                    EventText.upcall(STORE.upcall(row)), EventText.arguments(STORE, row),
                    EventText.result(STORE.upcall(row), STORE.result(row)), EventText.error(STORE, row))
                    .toLowerCase(Locale.ROOT);
        }
        return SHOWN[row].contains(query.toLowerCase(Locale.ROOT));
    }

    @Test
    void processesAndModulesAreInterned() {
        assertEquals(4, STORE.processes().size());
        assertTrue(STORE.modules().size() <= 12);
        assertEquals(ROWS, EventQuery.select(STORE, EventFilter.ALL).size());
    }
}
