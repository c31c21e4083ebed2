package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store on the golden vector spi.wputrace: downcalls and upcalls as rows of one table, nesting resolved when the
 * parent call arrives after what ran inside it, sockets, text, filters and search.
 */
class SpiStoreTest {

    private static EventStore store;

    @BeforeAll
    static void load() throws Exception {
        store = StoreFixtures.golden("spi");
    }

    @Test
    void downcallsAndUpcallsAreRowsOfOneTableWithTheirKind() {
        assertEquals(17, store.size());
        assertEquals(List.of(0, 2, 3, 4, 6, 7, 9, 11, 12, 13, 14, 15, 16),
                IntStream.range(0, 17).filter(store::isDowncall).boxed().toList());
        assertEquals(RowKind.UPCALL, store.kind(1));
        assertEquals(Downcall.WSP_SOCKET, store.downcall(2));
        assertEquals(null, store.upcall(2));
        assertEquals(Upcall.WPU_CREATE_SOCKET_HANDLE, store.upcall(1));
        assertEquals("WSPSocket", store.callName(2));
        assertEquals(2, store.callId(2));
        assertEquals(2001, store.servedEntryId(2));
        assertEquals("Z:\\build\\x64\\sample_nonifs.dll", store.module(2).path());
        assertEquals(133_800_000_000_000_000L + 150, store.time(2));
        assertEquals(30, store.duration(2));
        assertEquals("68656c6c6f2c2077", java.util.HexFormat.of().formatHex(store.data(6)));
        assertEquals(0, store.data(7).length);
    }

    @Test
    void whatRanInsideACallIsLinkedToItWhenTheCallArrives() {
        assertEquals(2, store.parentCallId(1));
        assertEquals(2, store.parentRow(1));
        assertEquals(IntList.of(1), store.children(2));
        assertEquals(1, store.depth(1));
        assertEquals(0, store.depth(2));
        assertEquals(IntList.of(10), store.children(11));
        assertEquals(15, store.parentRow(14)); // a downcall re-entered from inside another
        assertEquals(1, store.depth(14));
        assertEquals(EventStore.NO_ROW, store.parentRow(5)); // posted from the provider's own thread
        assertFalse(store.parentPending(5));
        assertEquals(IntList.of(), store.children(3));
    }

    @Test
    void callTreePutsEachCallBeforeWhatRanInsideIt() {
        CallTree tree = CallTree.all(store, store.size());
        assertEquals(IntList.of(0, 2, 1, 3, 4, 5, 6, 7, 8, 9, 11, 10, 12, 13, 15, 14, 16), tree.rows());
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0),
                IntStream.range(0, tree.size()).map(tree::depth).boxed().toList());
        CallTree upcallsOnly = CallTree.of(store, EventQuery.select(store, EventFilter.ALL.withKind(RowKind.UPCALL)));
        assertEquals(IntList.of(1, 5, 8, 10), upcallsOnly.rows());
        assertEquals(0, upcallsOnly.depth(0));
    }

    @Test
    void downcallArgumentsReadAsWinsockDevelopersWriteThem() {
        assertEquals("version_requested=2.2, version=2.2", EventText.arguments(store, 0));
        assertEquals("af=AF_INET, type=SOCK_STREAM, protocol=IPPROTO_TCP, catalog_entry_id=2001, group=0x0, flags=0x1",
                EventText.arguments(store, 2));
        assertEquals("name_len=16, caller_data_len=0, callee_data_len=0, sqos=0x0, gqos=0x0, addr=127.0.0.1:8080",
                EventText.arguments(store, 3));
        assertEquals("hwnd=0x10A2E, msg=0x401, events=FD_READ|FD_WRITE|FD_CLOSE", EventText.arguments(store, 4));
        assertEquals("buffers=1, buffer_bytes=11, bytes=11, flags=0x0, overlapped=0x0, completion_routine=0x0,"
                + " data=68656c6c6f2c2077 (clipped)", EventText.arguments(store, 6));
        assertEquals("code=SIO_BASE_HANDLE, in_size=0, out_size=8, bytes_returned=8, overlapped=0x0,"
                + " completion_routine=0x0, in_value=0x0, out_value=0x2C8", EventText.arguments(store, 9));
        assertEquals("name_len=0, addr=(not read)", EventText.arguments(store, 13));
        assertEquals("event=0x1A4, network_events=no FD_ event", EventText.arguments(store, 14));
        assertEquals("nfds=0, read_in=1, write_in=0, except_in=0, read_out=1, write_out=0, except_out=0,"
                + " timeout_us=infinite", EventText.arguments(store, 15));
        assertEquals("0x2C8", EventText.result(store, 2));
        assertEquals("SOCKET_ERROR", EventText.result(store, 3));
        assertEquals("10035 WSAEWOULDBLOCK", EventText.error(store, 3));
        assertEquals("0x2C8", EventText.socket(store, 5));
        assertEquals("", EventText.socket(store, 15));
        assertEquals("downcall #2", EventText.kind(store, 2));
    }

    @Test
    void filtersTellTheKindsApart() {
        assertEquals(13, EventQuery.select(store, EventFilter.ALL.withKind(RowKind.DOWNCALL)).size());
        assertEquals(IntList.of(1, 5, 8, 10), EventQuery.select(store, EventFilter.ALL.withKind(RowKind.UPCALL)));
        assertEquals(IntList.of(11, 12),
                EventQuery.select(store, EventFilter.ALL.withDowncalls(Downcall.WSP_CLOSE_SOCKET)));
        // upcall number 7 is WPUPostMessage; downcall function 7 (WSPConnect) is not selected by it
        assertEquals(IntList.of(5), EventQuery.select(store, EventFilter.ALL.withUpcalls(Upcall.WPU_POST_MESSAGE)));
        assertEquals(IntList.of(3, 5), EventQuery.select(store, EventFilter.ALL.withUpcalls(Upcall.WPU_POST_MESSAGE)
                .withDowncalls(Downcall.WSP_CONNECT)));
        assertEquals(IntList.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                EventQuery.select(store, EventFilter.ALL.withSocket(0x2C8)));
        assertEquals(IntList.of(3, 7, 12, 13), EventQuery.select(store, EventFilter.ALL.withFailedOnly()));
    }

    @Test
    void freeTextFindsFunctionsAddressesConstantsAndSockets() {
        assertEquals(IntList.of(3), text("127.0.0.1:8080"));
        assertEquals(IntList.of(2), text("wspsock"));
        assertEquals(IntList.of(9), text("SIO_BASE"));
        assertEquals(IntList.of(13, 14), text("0x2cc"));
        assertEquals(IntList.of(4), text("FD_CLOSE"));
        assertEquals(IntList.of(7), text("WSA_IO_PENDING"));
        assertEquals(IntList.of(13), text("not read"));
        assertEquals(IntList.of(15), text("infinite"));
    }

    private static IntList text(String query) {
        return EventQuery.select(store, EventFilter.ALL.withText(query));
    }

    @Test
    void socketLivesFromCreationToCloseWithWhatRanInside() {
        SocketLives lives = new SocketLives(store);
        lives.update();
        List<SocketLives.Socket> sockets = lives.sockets();
        assertEquals(2, sockets.size());
        SocketLives.Socket first = sockets.get(0);
        assertEquals(new SocketLives.Socket(0, 0, 4242, 1, 0x2C8, "sample_nonifs.dll", "WSPSocket", 2, 11,
                SocketLives.State.CLOSED, 8, 4, 3, 1), first);
        assertEquals(IntList.of(2, 1, 3, 4, 5, 6, 7, 8, 9, 11, 10, 12), lives.timeline(0).rows());
        SocketLives.Socket unknown = sockets.get(1);
        assertEquals(0x2CC, unknown.socket());
        assertEquals("", unknown.createdBy());
        assertEquals(SocketLives.State.OPEN, unknown.state());
        assertEquals(2, unknown.downcalls());
    }

    @Test
    void aValueCreatedAgainAfterItsCloseAndEachLoadSessionHaveTheirOwnSockets() {
        EventStore s = new EventStore();
        s.addHello(hello(1));
        s.append(downcall(Downcall.WSP_SOCKET, 1, 0x10, 0x10), 10, 1);
        s.append(downcall(Downcall.WSP_CLOSE_SOCKET, 2, 0x10, 0), 11, 1);
        s.append(downcall(Downcall.WSP_SOCKET, 3, 0x10, 0x10), 12, 1);
        s.append(downcall(Downcall.WSP_SEND, 4, 0x10, 0), 13, 1);
        s.addSideRecord(new TraceRecord.ProcessGoodbye(0, 9, 0, 4, 0, EndReason.CLEANUP.code()));
        s.addHello(hello(2));
        s.append(downcall(Downcall.WSP_SEND, 1, 0x10, 0), 20, 1);
        SocketLives lives = new SocketLives(s);
        lives.update();
        assertEquals(List.of("1 WSPSocket closed 2", "1 WSPSocket open 2", "2  open 1"), lives.sockets().stream()
                .map(k -> k.loadSession() + " " + k.createdBy() + " " + k.state().label() + " " + k.downcalls())
                .toList());
        assertEquals(IntList.of(2, 3), lives.timeline(1).rows());
    }

    private static TraceRecord.ProcessHello hello(int session) {
        return new TraceRecord.ProcessHello(0, 9, 1, 64, 0x100, 10_000_000L, 0, 0, "a.exe", "a",
                new LoadSession(5, session));
    }

    @Test
    void aTimelineShowsCallsInTheOrderTheyStartedNotTheOrderTheirRecordsCame() {
        EventStore s = new EventStore();
        s.addHello(hello(1));
        s.append(downcall(Downcall.WSP_SOCKET, 1, 0x10, 0x10), 10, 1);
        s.append(downcall(Downcall.WSP_SEND, 3, 0x10, 0), 30, 1);   // another thread's, started later
        s.append(downcall(Downcall.WSP_RECV, 2, 0x10, 0), 20, 50);  // started first, recorded when it returned
        s.append(downcall(Downcall.WSP_CLOSE_SOCKET, 4, 0x10, 0), 80, 1);
        SocketLives lives = new SocketLives(s);
        lives.update();
        assertEquals(IntList.of(0, 2, 1, 3), lives.timeline(0).rows());
    }

    private static TraceRecord.DowncallEvent downcall(Downcall function, int callId, long socket, long result) {
        return new TraceRecord.DowncallEvent(0, 9, callId, function.number(), 1, callId, 0, 1, 10, 1, socket, result,
                0, 0, new long[0], "", new byte[0]);
    }

    @Test
    void aCallStillRunningLeavesWhatRanInsideItPendingAndANewLoadSessionDoesNotAdoptIt() {
        EventStore s = new EventStore();
        s.addHello(hello(1));
        s.append(upcallInside(99), 10, 1);
        assertTrue(s.parentPending(0));
        assertEquals(1, s.depth(0));
        assertEquals(EventStore.NO_ROW, s.parentRow(0));
        s.addSideRecord(new TraceRecord.ProcessGoodbye(0, 9, 0, 2, 0, EndReason.CLEANUP.code()));
        s.addHello(hello(2));
        s.append(new TraceRecord.DowncallEvent(0, 9, 0, Downcall.WSP_RECV.number(), 1, 99, 0, 1, 20, 1, 0x10, 0, 0,
                0, new long[0], "", new byte[0]), 20, 1);
        assertTrue(s.parentPending(0));
        assertEquals(IntList.of(), s.children(1));
    }

    private static TraceRecord.UpcallEvent upcallInside(int callId) {
        return new TraceRecord.UpcallEvent(0, 9, 0, Upcall.WPU_QUERY_BLOCKING_CALLBACK.number(), 1, 0, 0, 10, 1, 0,
                0, 0, new long[] {1, 2, 3}, "", callId);
    }
}
