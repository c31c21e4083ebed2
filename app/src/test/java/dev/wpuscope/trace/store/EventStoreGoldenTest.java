package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store loaded from the golden vectors: columns, side tables and every filter on known data. */
class EventStoreGoldenTest {

    private static final long START = 133_800_000_000_000_000L;

    @Test
    void basicCaptureLoadsEveryUpcallWithItsFields() throws Exception {
        EventStore store = StoreFixtures.golden("basic");
        assertEquals(20, store.size());
        assertEquals(Upcall.WPU_CREATE_SOCKET_HANDLE, store.upcall(1));
        assertEquals(START + 150, store.time(1));
        assertEquals(8, store.duration(1));
        assertEquals(4242, store.pid(1));
        assertEquals(7001, store.tid(1));
        assertEquals("C:\\wpuscope\\wpuhost.exe", store.process(1).image());
        assertEquals("Z:\\build\\x64\\sample_nonifs.dll", store.module(1).path());
        assertEquals(0x7FF8_1000_1235L, store.callerAddress(1));
        assertEquals(712, store.result(1));
        assertEquals(List.of(1001L, 0xDEAD_BEEFL), List.of(store.arg(1, 0), store.arg(1, 1)));
        assertEquals("%SystemRoot%\\system32\\mswsock.dll", store.text(4));
        assertEquals(0, store.argCount(0));
        assertEquals(0, store.arg(0, 0));
        assertEquals(10038, store.error(17));
        assertTrue(store.failed(17));
        assertEquals(1, store.upcallFlags(18));
        assertEquals(-1, store.result(19));
    }

    @Test
    void sideTablesKeepTheOtherRecordsInRowOrderWithFiletimes() throws Exception {
        EventStore store = StoreFixtures.golden("basic");
        List<SideRecord> side = store.sideRecords();
        assertEquals(List.of(0, 0, 0, 20, 20, 20), side.stream().map(SideRecord::row).toList());
        assertTrue(side.get(0).record() instanceof TraceRecord.ProcessHello);
        assertEquals(START + 10, ((TraceRecord.ProviderLoaded) side.get(2).record()).ticks());
        assertEquals(START + 6100, ((TraceRecord.ProcessGoodbye) side.get(5).record()).ticks());
        assertEquals(1, store.processes().size());
        assertTrue(store.problems().isEmpty());
    }

    @Test
    void twoStreamsMakeTwoProcesses() throws Exception {
        EventStore store = StoreFixtures.golden("two-streams");
        assertEquals(40, store.size());
        assertEquals(List.of(4242, 4243), store.processes().stream().map(ProcessInfo::pid).toList());
        assertEquals(20, EventQuery.select(store, EventFilter.ALL.withProcesses(1)).size());
        assertEquals(4243, store.pid(20));
        assertEquals(1, store.module(20).process());
    }

    @Test
    void filtersSelectTheKnownRows() throws Exception {
        EventStore store = StoreFixtures.golden("basic");
        assertEquals(IntList.of(1, 2, 3, 6, 7, 15, 16, 17), select(store, EventFilter.ALL.withSocket(0x2C8)));
        assertEquals(IntList.of(5), select(store, EventFilter.ALL.withSocket(0x2CC)));
        assertEquals(IntList.of(17, 18, 19), select(store, EventFilter.ALL.withFailedOnly()));
        assertEquals(IntList.of(17, 18), select(store, EventFilter.ALL.withError(10038)));
        assertEquals(IntList.of(17), select(store, EventFilter.ALL.withError(10038).withSocket(0x2C8)));
        assertEquals(IntList.of(16, 17), select(store, EventFilter.ALL.withUpcalls(Upcall.WPU_CLOSE_SOCKET_HANDLE)));
        assertEquals(IntList.of(17), select(store,
                EventFilter.ALL.withUpcalls(Upcall.WPU_CLOSE_SOCKET_HANDLE).withThreads(7001)));
        assertEquals(20, select(store, EventFilter.ALL.withModules(0).withProcesses(0)).size());
        assertEquals(0, select(store, EventFilter.ALL.withProcesses(5)).size());
    }

    @Test
    void freeTextMatchesNamesPathsErrorsAndNumbers() throws Exception {
        EventStore store = StoreFixtures.golden("basic");
        assertEquals(IntList.of(4), select(store, EventFilter.ALL.withText("MSWSOCK")));
        assertEquals(IntList.of(17, 18), select(store, EventFilter.ALL.withText("wsaenotsock")));
        assertEquals(IntList.of(19), select(store, EventFilter.ALL.withText("ENOBUFS")));
        assertEquals(IntList.of(1, 19), select(store, EventFilter.ALL.withText("CreateSocket")));
        assertEquals(IntList.of(1, 2, 3, 6, 7, 15, 16, 17), select(store, EventFilter.ALL.withText("0x2c8")));
        assertEquals(20, select(store, EventFilter.ALL.withText("sample_nonifs")).size());
        assertEquals(10, select(store, EventFilter.ALL.withText("7001")).size());
        assertNull(EventFilter.ALL.withText("  ").text());
    }

    @Test
    void eventRebuildsTheUpcallRecord() throws Exception {
        EventStore store = StoreFixtures.golden("basic");
        TraceRecord.UpcallEvent e = (TraceRecord.UpcallEvent) store.call(6);
        assertEquals(Upcall.WPU_POST_MESSAGE, e.upcall());
        assertEquals(4, e.args().length);
        assertEquals(0x2C8, e.arg(2));
        assertEquals(1, e.callerModuleId());
        assertEquals(START + 400, e.startTicks());
    }

    @Test
    void helloesOfOneProcessStartTimeAreLoadSessionsOfOneProcessAndEveryRowKnowsItsOwn() throws Exception {
        EventStore store = StoreFixtures.golden("load-sessions");
        assertEquals(1, store.processes().size());
        ProcessInfo process = store.processes().get(0);
        assertEquals(List.of(1, 2), process.loadSessions().stream().map(StoredLoadSession::number).toList());
        assertEquals(List.of(0, 4), process.loadSessions().stream().map(StoredLoadSession::firstRow).toList());
        assertEquals(8, store.size());
        for (int row = 0; row < 8; row++) {
            assertEquals(row < 4 ? 1 : 2, store.loadSession(row), "row " + row);
            assertEquals(row % 4, store.sequence(row), "sequence numbers restart in each load session");
        }
    }

    @Test
    void oneZeroHellosOfOnePidAreEachANewProcessAndSoIsAPidReusedByANewProcess() {
        EventStore store = new EventStore();
        store.addHello(hello(null));
        store.addHello(hello(null));
        store.addHello(hello(new LoadSession(START, 1)));
        store.addHello(hello(new LoadSession(START + 1, 1)));
        store.addHello(hello(new LoadSession(START + 1, 2)));
        assertEquals(List.of(1, 1, 1, 2), store.processes().stream().map(p -> p.loadSessions().size()).toList());
        assertEquals(0, store.processes().get(0).loadSessionOf(0), "1.0 hellos do not number load sessions");
    }

    private static TraceRecord.ProcessHello hello(LoadSession session) {
        return new TraceRecord.ProcessHello(0, 7, 1, 64, 0x100, 10_000_000L, 0, 0, "a.exe", "a", session);
    }

    @Test
    void damageAndTruncationAreKeptAsProblemsWithTheSource() throws Exception {
        assertEquals(StoreFixtures.GOLDEN.resolve("damaged.wputrace")
                + ": byte offset 199 (0xc7): damaged data, 95 bytes skipped",
                StoreFixtures.golden("damaged").problems().get(0).toString());
        assertEquals(StoreFixtures.GOLDEN.resolve("truncated.wputrace")
                + ": byte offset 2390 (0x956): capture ends inside a record",
                StoreFixtures.golden("truncated").problems().get(0).toString());
    }

    private static IntList select(EventStore store, EventFilter filter) {
        return EventQuery.select(store, filter);
    }
}
