package dev.wpuscope.trace.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceWriter;
import dev.wpuscope.trace.live.Disconnect.Kind;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipe server against well-behaved and hostile clients at once, through the in-memory transport. */
class TracerPipeServerTest {

    private static final int UPCALLS = 300;
    private static final PipeClientLimits LIMITS = new PipeClientLimits(32, 256 * 1024, 64 * 1024,
            Duration.ofSeconds(2), Duration.ofMillis(20));

    /** Collects what the server delivers and checks that its calls never overlap. */
    private static class Recorder implements PipeServerListener {
        final Map<String, List<TraceRecord>> records = new ConcurrentHashMap<>();
        final Map<String, Disconnect> disconnects = new ConcurrentHashMap<>();
        final AtomicInteger inCall = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        final CountDownLatch gone;

        Recorder(int clients) {
            gone = new CountDownLatch(clients);
        }

        private void enter() {
            if (inCall.incrementAndGet() != 1) {
                overlapped.set(true);
            }
        }

        @Override
        public void onRecords(PipeClient client, List<TraceRecord> batch) {
            enter();
            records.computeIfAbsent(client.description(), k -> new ArrayList<>()).addAll(batch);
            inCall.decrementAndGet();
        }

        @Override
        public void onDisconnected(PipeClient client, Disconnect disconnect) {
            enter();
            disconnects.put(client.description(), disconnect);
            inCall.decrementAndGet();
            gone.countDown();
        }

        void awaitAll() throws InterruptedException {
            assertTrue(gone.await(60, TimeUnit.SECONDS), "clients still connected: " + disconnects.keySet());
        }
    }

    /** A tracer's stream for one process: header, hello, {@code upcalls} UPCALL records, goodbye. */
    private static byte[] capture(int pid, int upcalls) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes)) {
            writer.writeHeader(10_000_000L, 133_800_000_000_000_000L, 0, 0);
            writer.write(new TraceRecord.ProcessHello(0, pid, 1, 64, 0x100, 10_000_000L, 0, 0, "app.exe", "app", null));
            for (int i = 0; i < upcalls; i++) {
                writer.write(new TraceRecord.UpcallEvent(0, pid, i, Upcall.WPU_SET_EVENT.number(), 7, 0, 0, i, 1, 1,
                        0, 0, new long[] {0x1a4}, ""));
            }
            writer.write(new TraceRecord.ProcessGoodbye(0, pid, 0, upcalls, 0, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes in random chunk sizes, as a pipe may deliver them. */
    private static void writeChunked(InMemoryPipeTransport.Client client, byte[] data, Random random)
            throws IOException {
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + random.nextInt(700));
            client.write(data, at, n);
            at += n;
        }
    }

    private static byte[] recordPrefix(int length) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(length).putShort((short) 4)
                .putShort((short) 0).putInt(1).putInt(0).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Runs one client script on its own thread; stops when the server cut it off. */
    private static Thread client(InMemoryPipeTransport transport, String name, ClientScript script) {
        InMemoryPipeTransport.Client client = transport.connect(name);
        Thread t = new Thread(() -> {
            try {
                script.run(client);
            } catch (IOException e) {
                // the server cut this client off while it was writing: expected for hostile clients
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @FunctionalInterface
    private interface ClientScript {
        void run(InMemoryPipeTransport.Client client) throws IOException;
    }

    @Test
    void hostileClientsAreCutOffWithoutAffectingTheOthers() throws Exception {
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        int goodClients = 8;
        Recorder recorder = new Recorder(goodClients + 10);
        byte[] header = Arrays.copyOf(capture(1, 0), 48);
        try (TracerPipeServer server = new TracerPipeServer(transport, LIMITS, recorder)) {
            server.start();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < goodClients; i++) {
                int pid = 1000 + i;
                Random random = new Random(pid);
                threads.add(client(transport, "good-" + pid, c -> {
                    writeChunked(c, capture(pid, UPCALLS), random);
                    c.close();
                }));
            }
            threads.add(client(transport, "garbage", c -> c.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes())));
            threads.add(client(transport, "newer-major", c -> {
                byte[] h = header.clone();
                h[8] = 2;
                c.write(h);
            }));
            threads.add(client(transport, "length-out-of-range", c -> c.write(concat(header, recordPrefix(0x7fff_0000)))));
            threads.add(client(transport, "huge-record", c -> {
                c.write(concat(header, recordPrefix(900_000)));
                for (int i = 0; i < 100; i++) {
                    c.write(new byte[4096]);
                }
            }));
            threads.add(client(transport, "never-sends", c -> { }));
            threads.add(client(transport, "stalls-mid-record", c -> c.write(concat(header, recordPrefix(90)))));
            threads.add(client(transport, "trickles", c -> {
                c.write(header);
                byte[] record = recordPrefix(200);
                for (int i = 0; i < 199; i++) {
                    c.write(new byte[] {i < record.length ? record[i] : 0});
                    sleepMillis(30);
                }
            }));
            threads.add(client(transport, "disconnects-mid-record", c -> {
                byte[] data = capture(77, 5);
                c.write(data, 0, data.length - 30);
                c.close();
            }));
            threads.add(client(transport, "flooding", c -> {
                byte[] data = capture(78, 20_000);
                for (int i = 0; i < 20; i++) {
                    c.write(data);
                }
            }));
            threads.add(client(transport, "corrupt-crc", c -> {
                byte[] data = capture(79, 10);
                data[data.length / 2] ^= 0x55;
                c.write(data);
            }));

            recorder.awaitAll();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }

        assertFalse(recorder.overlapped.get(), "listener calls overlapped");
        for (int i = 0; i < goodClients; i++) {
            String name = "good-" + (1000 + i);
            assertEquals(Kind.CLIENT_CLOSED, recorder.disconnects.get(name).kind(), name);
            List<TraceRecord> got = recorder.records.get(name);
            assertEquals(UPCALLS + 2, got.size(), name);
            for (int s = 0; s < UPCALLS; s++) {
                assertEquals(s, ((TraceRecord.UpcallEvent) got.get(s + 1)).sequence(), name);
            }
            int pid = 1000 + i;
            assertTrue(got.stream().allMatch(r -> r.pid() == pid), name);
        }
        assertEquals(Kind.NOT_A_CAPTURE, recorder.disconnects.get("garbage").kind());
        assertEquals(Kind.NOT_A_CAPTURE, recorder.disconnects.get("newer-major").kind());
        assertTrue(recorder.disconnects.get("newer-major").detail().contains("newer"));
        assertEquals(Kind.DAMAGED, recorder.disconnects.get("length-out-of-range").kind());
        assertEquals(Kind.RECORD_TOO_LARGE, recorder.disconnects.get("huge-record").kind());
        assertEquals(Kind.STALLED, recorder.disconnects.get("never-sends").kind());
        assertEquals("sent no capture header within 2000 ms", recorder.disconnects.get("never-sends").detail());
        assertEquals(Kind.STALLED, recorder.disconnects.get("stalls-mid-record").kind());
        assertEquals(Kind.STALLED, recorder.disconnects.get("trickles").kind());
        assertEquals(Kind.TRUNCATED, recorder.disconnects.get("disconnects-mid-record").kind());
        assertEquals(6, recorder.records.get("disconnects-mid-record").size());
        assertEquals(Kind.FLOODING, recorder.disconnects.get("flooding").kind());
        assertEquals(Kind.DAMAGED, recorder.disconnects.get("corrupt-crc").kind());
    }

    @Test
    void aOneTwoClientDeliversItsDowncallsWithTheirNesting() throws Exception {
        byte[] spi = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("wpuscope.root", "."),
                "resources", "trace-format", "golden", "spi.wputrace"));
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        Recorder recorder = new Recorder(1);
        try (TracerPipeServer server = new TracerPipeServer(transport, LIMITS, recorder)) {
            server.start();
            InMemoryPipeTransport.Client c = transport.connect("spi");
            writeChunked(c, spi, new Random(8));
            c.close();
            recorder.awaitAll();
        }
        List<TraceRecord> got = recorder.records.get("spi");
        assertEquals(21, got.size());
        assertEquals(13, got.stream().filter(r -> r instanceof TraceRecord.DowncallEvent).count());
        TraceRecord.UpcallEvent created = (TraceRecord.UpcallEvent) got.get(4);
        assertEquals(2, created.parentCallId());
    }

    @Test
    void clientsBeyondTheMaximumAreTurnedAway() throws Exception {
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        Recorder recorder = new Recorder(3);
        PipeClientLimits two = new PipeClientLimits(2, LIMITS.maxBytesPerSecond(), LIMITS.maxRecordBytes(),
                Duration.ofSeconds(30), LIMITS.pollInterval());
        byte[] header = Arrays.copyOf(capture(1, 0), 48);
        try (TracerPipeServer server = new TracerPipeServer(transport, two, recorder)) {
            server.start();
            InMemoryPipeTransport.Client first = transport.connect("first");
            InMemoryPipeTransport.Client second = transport.connect("second");
            first.write(header);
            second.write(header);
            InMemoryPipeTransport.Client third = transport.connect("third");
            assertTrue(waitFor(() -> recorder.disconnects.containsKey("third")), "third client not turned away");
            assertTrue(third.disconnectedByServer());
            assertEquals(Kind.TOO_MANY_CLIENTS, recorder.disconnects.get("third").kind());
            assertEquals(2, server.activeClients());
        }
        recorder.awaitAll();
        assertEquals(Kind.SERVER_CLOSED, recorder.disconnects.get("first").kind());
        assertEquals(Kind.SERVER_CLOSED, recorder.disconnects.get("second").kind());
    }

    @Test
    void aListenerFailingOnOneClientDropsOnlyThatClient() throws Exception {
        InMemoryPipeTransport transport = new InMemoryPipeTransport();
        Recorder recorder = new Recorder(2) {
            @Override
            public void onRecords(PipeClient client, List<TraceRecord> batch) {
                if (client.description().equals("poisoned")) {
                    throw new IllegalStateException("cannot store this");
                }
                super.onRecords(client, batch);
            }
        };
        try (TracerPipeServer server = new TracerPipeServer(transport, LIMITS, recorder)) {
            server.start();
            List<Thread> threads = List.of(
                    client(transport, "poisoned", c -> c.write(capture(5, 3))),
                    client(transport, "healthy", c -> {
                        c.write(capture(6, 3));
                        c.close();
                    }));
            recorder.awaitAll();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        Disconnect poisoned = recorder.disconnects.get("poisoned");
        assertEquals(Kind.SINK_FAILED, poisoned.kind());
        assertTrue(poisoned.detail().contains("cannot store this"), poisoned.detail());
        assertEquals(Kind.CLIENT_CLOSED, recorder.disconnects.get("healthy").kind());
        assertEquals(5, recorder.records.get("healthy").size());
    }

    private static void sleepMillis(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
