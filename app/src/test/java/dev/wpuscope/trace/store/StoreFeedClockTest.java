package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import org.junit.jupiter.api.Test;

/** Which clock turns an event's ticks into wall time. */
class StoreFeedClockTest {

    private static final long DAY = 133_800_000_000_000_000L;

    private static TraceRecord.ProcessHello hello(int pid, long frequency, long startFiletime, long startTicks) {
        return new TraceRecord.ProcessHello(0, pid, 1, 64, 0x100, frequency, startFiletime, startTicks, "a.exe", "a", null);
    }

    private static TraceRecord.UpcallEvent upcall(int pid, long ticks) {
        return new TraceRecord.UpcallEvent(0, pid, 0, Upcall.WPU_SET_EVENT.number(), 7, 0, 0, ticks, 0, 1, 0, 0,
                new long[] {0x1a4}, "");
    }

    @Test
    void withoutAHeaderEachProcessUsesItsOwnHelloEvenAfterAnotherProcessSaidHello() {
        EventStore store = new EventStore();
        StoreFeed feed = new StoreFeed(store, "test");
        feed.onRecord(hello(100, 10_000_000L, DAY, 1_000), 0);
        feed.onRecord(hello(200, 1_000L, DAY + 5_000_000_000L, 77), 0);
        feed.onRecord(upcall(100, 1_000 + 30_000_000L), 0);
        feed.onRecord(upcall(200, 77 + 3_000L), 0);
        feed.onRecord(upcall(300, 42), 0);

        assertEquals(DAY + 30_000_000L, store.time(0));
        assertEquals(DAY + 5_000_000_000L + 30_000_000L, store.time(1));
        assertEquals(42, store.time(2), "no hello, no header: ticks count as 100 ns from 1601");
    }

    @Test
    void theStreamHeaderDecidesOnceSeen() {
        EventStore store = new EventStore();
        StoreFeed feed = new StoreFeed(store, "test");
        feed.onHeader(new TraceHeader(0, 1, 0, 48, 1_000L, DAY, 0, 0));
        feed.onRecord(hello(100, 10_000_000L, 0, 0), 0);
        feed.onRecord(upcall(100, 2_000), 0);

        assertEquals(DAY + 20_000_000L, store.time(0));
    }
}
