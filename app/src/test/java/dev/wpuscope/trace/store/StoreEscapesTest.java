package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times, durations and sequence numbers that do not fit the store's narrow columns keep their exact values. */
class StoreEscapesTest {

    private static final long FILETIME = 133_800_000_000_000_000L;
    private static final long THREE_GHZ = 3_000_000_000L;
    private static final int PID = 4242;

    /** A TSC clock: one second is 3e9 ticks; calls hours apart and calls lasting seconds. */
    @Test
    void aCaptureWithAThreeGigahertzClockReadsBackExactly(@TempDir Path dir) throws Exception {
        long startTicks = 7_000_000_000_000L;
        long[] starts = {startTicks, startTicks + 90, startTicks + THREE_GHZ * 3600 * 5, startTicks + 3,
            startTicks + THREE_GHZ * 250, Long.MAX_VALUE / 2};
        long[] durations = {12, THREE_GHZ * 4, 98_304, 3, THREE_GHZ * 86_400 * 30, 0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes)) {
            writer.writeHeader(THREE_GHZ, FILETIME, startTicks, 0);
            for (int i = 0; i < starts.length; i++) {
                writer.write(new TraceRecord.UpcallEvent(0, PID, i * 1000, Upcall.WPU_SET_EVENT.number(), 7, 0, 0,
                        starts[i], durations[i], 1, 0, 0, new long[] {0x1A4}, ""));
            }
        }
        Path capture = dir.resolve("tsc.wputrace");
        Files.write(capture, bytes.toByteArray());

        EventStore store = StoreFeed.load(capture);

        TraceHeader clock = new TraceHeader(0, 1, 2, 48, THREE_GHZ, FILETIME, startTicks, 0);
        assertEquals(starts.length, store.size());
        for (int i = 0; i < starts.length; i++) {
            assertEquals(clock.filetimeOf(starts[i]), store.time(i), "time of row " + i);
            assertEquals(clock.ticksToHundredNanos(durations[i]), store.duration(i), "duration of row " + i);
            assertEquals(i * 1000, store.sequence(i), "sequence of row " + i);
        }
        assertEquals(40_000_000L, store.duration(1), "4 s in 100 ns");
    }

    /**
     * Ten million rows over 153 chunks, whose time, duration, result, sequence and arguments now fit and now do not
     * (a process switch, a long idle gap, a blocking call): every value reads back.
     */
    @Test
    void tenMillionRowsReadBackAcrossChunks() {
        int rows = 10_000_000;
        EventStore store = new EventStore();
        for (int i = 0; i < rows; i++) {
            TraceRecord.UpcallEvent e = event(i);
            store.append(e, e.startTicks(), e.durationTicks());
        }
        assertEquals(rows, store.size());
        for (int i = 0; i < rows; i++) {
            TraceRecord.UpcallEvent e = event(i);
            assertEquals(e.startTicks(), store.time(i), "time of row " + i);
            assertEquals(e.durationTicks(), store.duration(i), "duration of row " + i);
            assertEquals(e.result(), store.result(i), "result of row " + i);
            assertEquals(e.sequence(), store.sequence(i), "sequence of row " + i);
            assertEquals(e.tid(), store.tid(i), "tid of row " + i);
            assertEquals(e.args().length, store.argCount(i), "arguments of row " + i);
            for (int k = 0; k < e.args().length; k++) {
                assertEquals(e.args()[k], store.arg(i, k), "argument " + k + " of row " + i);
            }
        }
        assertArrayEquals(event(rows - 1).args(), ((TraceRecord.UpcallEvent) store.call(rows - 1)).args());
    }

    private static TraceRecord.UpcallEvent event(int i) {
        long idle = i >= 7_000_000 && i % 65_536 == 40_000 ? 1L << 40 : 0; // a chunk spanning days
        long time = 5_000_000_000L + i * 30L + (i >= 7_000_000 ? 1L << 40 : 0) + idle;
        int sequence = i % 3_000_000 == 2_999_999 ? -i : i + i / 1000; // drops now and then, a wrapped counter once
        long duration = i % 1000 == 0 ? (long) i << 20 : 7 + i % 5;
        long result = i % 10 == 0 ? 0x200 + (i / 10 % 5000) * 4L : i % 777 == 0 ? 0x7FF8_1000_0000L + i : i % 3;
        long[] args = new long[i % 5];
        for (int k = 0; k < args.length; k++) {
            args[k] = k % 2 == 0 ? 0x200 + i % 5000 : 0xE1_2345_6780L + (long) i * k;
        }
        return new TraceRecord.UpcallEvent(0, PID, sequence, Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT.number(),
                7000 + i % 8, 1, 0x7FF8_1000_1234L + i % 16, time, duration, result, 0, 0, args, "");
    }
}
