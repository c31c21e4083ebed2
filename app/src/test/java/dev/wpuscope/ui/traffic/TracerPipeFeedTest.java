package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.live.InMemoryPipeTransport;
import dev.wpuscope.trace.live.PipeClientLimits;
import dev.wpuscope.trace.live.TracerPipeServer;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Several tracers connected to the pipe at once, each with its own clock (frequency and calibration point):
 * every event's wall time comes from the clock of the client that sent it, whichever client said hello last.
 */
class TracerPipeFeedTest {

    private static final long DAY_FILETIME = 133_800_000_000_000_000L;

    /** One tracer's stream, written a piece at a time. */
    private static final class Tracer {
        final int pid;
        final long frequency;
        final long startFiletime;
        final long startTicks;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final TraceWriter writer = new TraceWriter(bytes);
        final InMemoryPipeTransport.Client client;
        int sent;

        Tracer(InMemoryPipeTransport transport, int pid, long frequency, long startFiletime, long startTicks)
                throws IOException {
            this.pid = pid;
            this.frequency = frequency;
            this.startFiletime = startFiletime;
            this.startTicks = startTicks;
            client = transport.connect("pid " + pid);
            writer.writeHeader(frequency, startFiletime, startTicks, 0);
            writer.write(new TraceRecord.ProcessHello(0, pid, 1, 64, 0x100, frequency, startFiletime, startTicks,
                    "C:\\app" + pid + ".exe", "app", null));
        }

        /** Sends what was written since the last send, plus an upcall {@code seconds} after the start. */
        void sendUpcallAt(int seconds, int sequence) throws IOException {
            writer.write(new TraceRecord.UpcallEvent(0, pid, sequence, Upcall.WPU_SET_EVENT.number(), 7, 0, 0,
                    startTicks + seconds * frequency, 2 * frequency, 1, 0, 0, new long[] {0x1a4}, ""));
            writer.flush();
            byte[] all = bytes.toByteArray();
            client.write(Arrays.copyOfRange(all, sent, all.length));
            sent = all.length;
        }

        long expectedFiletime(int seconds) {
            return startFiletime + seconds * 10_000_000L;
        }
    }

    @Test
    void eachEventIsTimedByTheClockOfTheProcessThatSentIt() throws Exception {
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        CaptureSession session = new CaptureSession("tracer pipe");
        try (TracerPipeServer server = startedServer(transport, session)) {
            Tracer a = new Tracer(transport, 100, 10_000_000L, DAY_FILETIME, 1_000);
            Tracer b = new Tracer(transport, 200, 3_579_545L, DAY_FILETIME + 36_000_000_000L, 987_654_321L);
            a.sendUpcallAt(2, 0);
            awaitRows(session, 1);
            b.sendUpcallAt(1, 0);
            awaitRows(session, 2);
            a.sendUpcallAt(5, 1);
            awaitRows(session, 3);

            EventStore store = session.store();
            assertEquals(a.pid, store.pid(0));
            assertEquals(a.expectedFiletime(2), store.time(0));
            assertEquals(b.pid, store.pid(1));
            assertEquals(b.expectedFiletime(1), store.time(1));
            assertEquals(a.pid, store.pid(2));
            assertEquals(a.expectedFiletime(5), store.time(2), "A's event after B's hello uses A's clock");
            for (int row = 0; row < 3; row++) {
                assertEquals(20_000_000, store.duration(row), "two seconds in 100 ns units, row " + row);
            }
        }
    }

    @Test
    void aPanelsEventSetPicksItsOwnProcesssEventWhereStreamOffsetsCoincide() throws Exception {
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        CaptureSession session = new CaptureSession("tracer pipe");
        try (TracerPipeServer server = startedServer(transport, session)) {
            Tracer a = new Tracer(transport, 100, 10_000_000L, DAY_FILETIME, 1_000);
            Tracer b = new Tracer(transport, 200, 10_000_000L, DAY_FILETIME, 1_000);
            a.sendUpcallAt(1, 0);
            awaitRows(session, 1);
            b.sendUpcallAt(1, 0);
            awaitRows(session, 2);
            assertEquals(session.offset(0), session.offset(1), "both streams put their upcall at the same offset");

            TrafficViewModel model = new TrafficViewModel(java.time.ZoneOffset.UTC, Runnable::run);
            model.setSource(session, session.analysis(), "pipe", false);
            model.filterProperty().set(TrafficFilter.NONE.withOnly(new TrafficFilter.EventSet("b's event",
                    java.util.Set.of(new TrafficFilter.EventId(b.pid, session.offset(1))))));
            model.pull(0);
            assertEquals(1, model.rows().size());
            assertEquals(b.pid, session.pid(model.rows().rowAt(0)));
        }
    }

    private static TracerPipeServer startedServer(InMemoryPipeTransport transport, CaptureSession session) {
        TracerPipeServer server = new TracerPipeServer(transport, PipeClientLimits.defaults(),
                new TracerPipeFeed(session, e -> fail("accept failed: " + e)));
        server.start();
        return server;
    }

    private static void awaitRows(CaptureSession session, int rows) throws InterruptedException {
        for (int i = 0; i < 3000 && session.size() < rows; i++) {
            Thread.sleep(10);
        }
        assertTrue(session.size() >= rows, "rows arrived: " + session.size() + " of " + rows);
    }
}
