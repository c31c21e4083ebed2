package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random downcalls with upcalls (and re-entered downcalls) nested in them, over several chunks: every row reads back
 * as appended, every child is linked to its call, every filter equals a brute-force scan.
 */
class MixedStoreRandomTest {

    private static final int CALLS = 30_000;
    private static final List<TraceRecord.Call> RECORDS = new ArrayList<>();
    /** For each row, the row of the call it ran inside, or -1. */
    private static final List<Integer> PARENTS = new ArrayList<>();
    private static final EventStore STORE = new EventStore();

    @BeforeAll
    static void fill() {
        Random r = new Random(42);
        int callId = 0;
        int sequence = 0;
        while (RECORDS.size() < 2 * EventChunk.ROWS + 1000 || callId < CALLS) {
            int tid = 7000 + r.nextInt(3);
            int pid = 100 + r.nextInt(2);
            int id = ++callId;
            List<Integer> children = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                children.add(RECORDS.size());
                if (r.nextInt(5) == 0) {
                    add(downcall(r, pid, sequence++, tid, ++callId, id), -2);
                } else {
                    add(inside(StoreFixtures.randomEvent(r, sequence++), pid, tid, id), -2);
                }
            }
            int row = RECORDS.size();
            add(downcall(r, pid, sequence++, tid, id, 0), -1);
            children.forEach(c -> PARENTS.set(c, row));
        }
    }

    /** The upcall made by process {@code pid} on thread {@code tid} inside call {@code parent}. */
    private static TraceRecord.UpcallEvent inside(TraceRecord.UpcallEvent e, int pid, int tid, int parent) {
        return new TraceRecord.UpcallEvent(e.offset(), pid, e.sequence(), e.upcallNumber(), tid,
                e.callerModuleId(), e.callerAddress(), e.startTicks(), e.durationTicks(), e.result(), e.error(),
                e.upcallFlags(), e.args(), e.text(), parent);
    }

    private static void add(TraceRecord.Call call, int parent) {
        RECORDS.add(call);
        PARENTS.add(parent);
        if (call instanceof TraceRecord.UpcallEvent u) {
            STORE.append(u, u.startTicks(), u.durationTicks());
        } else {
            TraceRecord.DowncallEvent d = (TraceRecord.DowncallEvent) call;
            STORE.append(d, d.startTicks(), d.durationTicks());
        }
    }

    private static TraceRecord.DowncallEvent downcall(Random r, int pid, int sequence, int tid, int callId,
                                                      int parent) {
        Downcall f = Downcall.ofNumber(r.nextInt(31));
        long[] args = new long[r.nextInt(3) == 0 ? f.argNames().size() : r.nextInt(f.argNames().size() + 1)];
        for (int k = 0; k < args.length; k++) {
            args[k] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(3) == 0 ? 0x0100007F901F0002L : r.nextInt(40);
        }
        long result = r.nextInt(4) == 0 ? -1 : r.nextInt(3);
        long socket = f.hasSocket() ? 0x100 + r.nextInt(40) : 0;
        byte[] data = r.nextInt(10) == 0 ? new byte[] {(byte) r.nextInt(), 0x41} : new byte[0];
        return new TraceRecord.DowncallEvent(0, pid, sequence, f.number(), tid, callId, parent,
                2001, 1000L + sequence, r.nextInt(500), socket, result, result == -1 ? 10035 + r.nextInt(5) : 0,
                r.nextInt(16), args, r.nextInt(20) == 0 ? "127.0.0.1" : "", data);
    }

    @Test
    void everyRowReadsBackAndEveryChildIsLinkedToItsCall() {
        assertEquals(RECORDS.size(), STORE.size());
        for (int row = 0; row < RECORDS.size(); row++) {
            assertEquals(text(RECORDS.get(row)), text(STORE.call(row)), "row " + row);
            int parent = PARENTS.get(row);
            assertEquals(parent < 0 ? EventStore.NO_ROW : parent, STORE.parentRow(row), "row " + row);
            if (parent >= 0) {
                int child = row;
                assertTrue(STORE.children(parent).stream().anyMatch(c -> c == child), "row " + row);
            }
        }
        int[] orderOfChildren = STORE.children(PARENTS.stream().filter(p -> p >= 0).findFirst().orElseThrow())
                .toArray();
        assertTrue(orderOfChildren.length > 0);
        for (int k = 1; k < orderOfChildren.length; k++) {
            assertTrue(orderOfChildren[k - 1] < orderOfChildren[k], "children in the order they arrived");
        }
    }

    private static String text(TraceRecord.Call call) {
        String t = call.toString().replaceAll("offset=-?\\d+|args=\\[J@\\w+|data=\\[B@\\w+", "");
        long[] args = call instanceof TraceRecord.UpcallEvent u ? u.args() : ((TraceRecord.DowncallEvent) call).args();
        return t + Arrays.toString(args)
                + (call instanceof TraceRecord.DowncallEvent d ? Arrays.toString(d.data()) : "");
    }

    private static final String[] QUERIES = {"wsp", "WSPConnect", "127.0.0.1:8080", "0x10a", "AF_INET", "SOCK_",
        "fd_read", "SIO_", "socket_error", "10036", "WPU", "addr=", "infinite", "data=", "4142", "7001", "2.2"};

    /** Queries inside and across the downcalls' compiled argument templates, results and sockets. */
    private static final String[] DOWNCALL_QUERIES = {"events=fd_read", "=fd_", "bytes=1", ", flags=0x", "=0x1",
        "invalid_socket", "0x10", "1", "-1", "=", ", ", "how=sd_", "x", "0", "backlog=", "version_requested=0x",
        "0x11f", "ed=0x", "3, ", "true", "false", "af=af_", "sock_stream", "ipproto", "ms, ", "string=", "(not read)",
        "0x100007f901f0002", "9", "25", "type=0x", "network_events=fd_close", "2.2", "protocol_info=0x"};

    @Test
    void everyTextQueryAloneEqualsBruteForce() {
        int nonEmpty = 0;
        for (String query : DOWNCALL_QUERIES) {
            EventFilter filter = EventFilter.ALL.withText(query);
            IntPredicate brute = bruteForce(filter);
            IntList expected = new IntList();
            for (int row = 0; row < RECORDS.size(); row++) {
                if (brute.test(row)) {
                    expected.add(row);
                }
            }
            assertEquals(expected, EventQuery.select(STORE, filter), query);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > DOWNCALL_QUERIES.length - 5, nonEmpty + " of " + DOWNCALL_QUERIES.length + " queries matched");
    }

    @Test
    void filtersOverBothKindsEqualBruteForce() {
        Random r = new Random(7);
        int nonEmpty = 0;
        for (int round = 0; round < 50; round++) {
            EventFilter f = EventFilter.ALL;
            if (r.nextInt(3) == 0) {
                f = f.withKind(RowKind.values()[r.nextInt(2)]);
            }
            if (r.nextInt(3) == 0) {
                f = f.withDowncalls(Downcall.ofNumber(r.nextInt(31)), Downcall.ofNumber(r.nextInt(31)));
            }
            if (r.nextInt(3) == 0) {
                f = f.withUpcalls(Upcall.ofNumber(r.nextInt(16)));
            }
            if (r.nextInt(3) == 0) {
                f = f.withSocket(0x100 + r.nextInt(40));
            }
            if (r.nextInt(4) == 0) {
                f = f.withFailedOnly();
            }
            if (r.nextInt(2) == 0) {
                f = f.withText(QUERIES[r.nextInt(QUERIES.length)]);
            }
            IntPredicate brute = bruteForce(f);
            IntList expected = new IntList();
            for (int row = 0; row < RECORDS.size(); row++) {
                if (brute.test(row)) {
                    expected.add(row);
                }
            }
            assertEquals(expected, EventQuery.select(STORE, f), f.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 25, nonEmpty + " of 50 filters selected rows");
    }

    private static IntPredicate bruteForce(EventFilter f) {
        return row -> {
            TraceRecord.Call c = RECORDS.get(row);
            boolean down = c instanceof TraceRecord.DowncallEvent;
            int number = down ? ((TraceRecord.DowncallEvent) c).functionNumber()
                    : ((TraceRecord.UpcallEvent) c).upcallNumber();
            boolean callsGiven = f.upcalls() != null || f.downcalls() != null;
            java.util.Set<Integer> allowed = down ? f.downcalls() : f.upcalls();
            return (f.kind() == null || (f.kind() == RowKind.DOWNCALL) == down)
                    && (!callsGiven || allowed != null && allowed.contains(number))
                    && (f.socket() == null || down && ((TraceRecord.DowncallEvent) c).function().hasSocket()
                    && ((TraceRecord.DowncallEvent) c).socket() == f.socket()
                    && !(((TraceRecord.DowncallEvent) c).function().createsSocket() && c.failed())
                    || !down && STORE.socket(row) == f.socket() && f.socket() != 0)
                    && (!f.failedOnly() || c.failed())
                    && (f.text() == null || shown(row).contains(f.text().toLowerCase(Locale.ROOT)));
        };
    }

    private static final java.util.Map<Integer, String> SHOWN = new java.util.HashMap<>();

    /** The columns the table shows for the row, lower case (built once). */
    private static String shown(int row) {
        return SHOWN.computeIfAbsent(row, MixedStoreRandomTest::columns);
    }

    private static String columns(int row) {
        return String.join("\n", EventText.process(STORE, row), Integer.toString(STORE.pid(row)),
                Integer.toString(STORE.tid(row)), EventText.providerLabel(EventText.providerFile(STORE, row)),
                STORE.isDowncall(row) ? STORE.callName(row) : EventText.upcall(STORE.upcall(row)),
                EventText.arguments(STORE, row), EventText.result(STORE, row), EventText.error(STORE, row),
                STORE.isDowncall(row) ? EventText.socket(STORE, row) : "").toLowerCase(Locale.ROOT);
    }
}
