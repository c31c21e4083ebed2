package dev.wpuscope.bench;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventFilter;
import dev.wpuscope.trace.store.EventQuery;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.trace.store.StoreFeed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trace engine's figures, in one run, on a synthetic capture of 1 million upcalls: merely reading its bytes,
 * the raw scan ({@link RawScan}: record boundaries and CRCs, the least a reader must do), decoding (every field of
 * every call read through the decoder's views, {@link FieldSum}; and, as before, into record objects), decoding into
 * the store; each from the file and, without the file reads, from the bytes in memory. Then filtering 1 million
 * stored events. The setup prints the heap bytes per stored event of a 10-million-event store, and the CPU time per
 * event of scan, decode and store with their ratios (robust on a shared machine, where wall-clock scores vary).
 *
 * <p>The heap is committed and touched before the benchmark starts ({@code -Xms4g -XX:+AlwaysPreTouch}): the figures
 * are the code's. Without it, a round that grows the heap also pays the first touch of every new page, which the
 * thread's CPU time counts and which, in the VM these figures come from, cost more than the decoding itself (README,
 * "Decoding").
 *
 * <p>Run: {@code mvn -pl app -Pbench test-compile exec:exec -Dbench=TraceBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class TraceBenchmark {

    static final int EVENTS = 1_000_000;
    private static final int TEN_MILLION = 10_000_000;

    private Path capture;
    private byte[] bytes;
    private EventStore store;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        capture = Files.createTempFile("wpuscope-bench", ".wputrace");
        bytes = SyntheticCapture.bytes(EVENTS);
        Files.write(capture, bytes);
        System.out.printf("%nCAPTURE: %,d events in %,d bytes (%.1f bytes per event)%n", EVENTS, bytes.length,
                bytes.length / (double) EVENTS);
        store = new EventStore();
        TraceReader.read(capture, new StoreFeed(store, "bench"));
        printHeapPerEvent();
        printCpuPerEvent();
        printCpuPerTextFilter();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(capture);
    }

    /** Heap used by a store of ten million events, measured around building it, per event. */
    private static void printHeapPerEvent() {
        long before = usedHeapAfterGc();
        EventStore big = new EventStore();
        for (int i = 0; i < TEN_MILLION; i++) {
            TraceRecord.UpcallEvent e = SyntheticCapture.upcall(i);
            big.append(e, e.startTicks(), e.durationTicks());
        }
        long after = usedHeapAfterGc();
        System.out.printf("%nSTORE: %,d events use %,d heap bytes: %.1f bytes per event (%d MiB)%n",
                big.size(), after - before, (after - before) / (double) big.size(), (after - before) >> 20);
        if (big.size() != TEN_MILLION) {
            throw new AssertionError();
        }
    }

    /**
     * CPU time of this thread per event for reading the file, the raw scan, decoding, decoding into a store and into
     * record objects from the file, and the raw scan and decoding from memory, with decoding's rate as a share of the
     * raw scan's: on a machine shared with other work the wall-clock scores vary, the CPU time much less.
     */
    private void printCpuPerEvent() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            readBytesOnly();
            long t1 = threads.getCurrentThreadCpuTime();
            rawScan();
            long t2 = threads.getCurrentThreadCpuTime();
            decode();
            long t3 = threads.getCurrentThreadCpuTime();
            decodeIntoStore();
            long t4 = threads.getCurrentThreadCpuTime();
            decodeToRecords();
            long t5 = threads.getCurrentThreadCpuTime();
            rawScanInMemory();
            long t6 = threads.getCurrentThreadCpuTime();
            decodeInMemory();
            long t7 = threads.getCurrentThreadCpuTime();
            System.out.printf("CPU per event (round %d), file: read only %.1f ns (%.2f GB/s), raw scan %.1f ns (%.2f GB/s),"
                            + " decode %.1f ns (%.1f M/s, %.0f %% of the scan's rate), into store %.1f ns (%.1f M/s),"
                            + " to records %.1f ns%n", round, perEvent(t1 - t0), gigabytesPerSecond(t1 - t0),
                    perEvent(t2 - t1), gigabytesPerSecond(t2 - t1), perEvent(t3 - t2), millionsPerSecond(t3 - t2),
                    100.0 * (t2 - t1) / (t3 - t2), perEvent(t4 - t3), millionsPerSecond(t4 - t3), perEvent(t5 - t4));
            System.out.printf("CPU per event (round %d), memory: raw scan %.1f ns (%.2f GB/s), decode %.1f ns (%.1f M/s,"
                            + " %.0f %% of the scan's rate)%n", round, perEvent(t6 - t5), gigabytesPerSecond(t6 - t5),
                    perEvent(t7 - t6), millionsPerSecond(t7 - t6), 100.0 * (t6 - t5) / (t7 - t6));
        }
    }

    private static double perEvent(long nanos) {
        return nanos / (double) EVENTS;
    }

    private static double millionsPerSecond(long nanos) {
        return EVENTS * 1e3 / nanos;
    }

    private double gigabytesPerSecond(long nanos) {
        return bytes.length / (double) nanos;
    }

    /** CPU time of this thread per free-text filter of the million events (median of 15, after 10 unmeasured). */
    private void printCpuPerTextFilter() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String query : new String[] {"WSAENOTSOCK", "FD_CLOSE", "0x1234", "1234"}) {
            EventFilter filter = EventFilter.ALL.withText(query);
            long[] cpu = new long[15];
            int rows = 0;
            for (int run = -10; run < cpu.length; run++) {
                long t0 = threads.getCurrentThreadCpuTime();
                rows = EventQuery.select(store, filter).size();
                if (run >= 0) {
                    cpu[run] = threads.getCurrentThreadCpuTime() - t0;
                }
            }
            java.util.Arrays.sort(cpu);
            System.out.printf("CPU per text filter \"%s\" (%,d rows): %.2f ms%n", query, rows, cpu[7] / 1e6);
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Reads the file as the decoder does, and looks at none of its bytes. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long readBytesOnly() throws IOException {
        long sum = 0;
        ByteBuffer buffer = ByteBuffer.allocate(TraceReader.READ_SIZE);
        try (FileChannel channel = FileChannel.open(capture, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) {
                sum += buffer.position() + buffer.get(0);
            }
        }
        return sum;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long rawScan() throws IOException {
        return RawScan.file(capture);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long rawScanInMemory() {
        return RawScan.bytes(bytes);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long decode() throws TraceReadException {
        FieldSum fields = new FieldSum();
        TraceReader.read(capture, fields);
        return fields.sum;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long decodeInMemory() throws TraceReadException {
        FieldSum fields = new FieldSum();
        TraceDecoder decoder = new TraceDecoder("bench", fields);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        return fields.sum;
    }

    /** Decoding for a listener that takes record objects (every listener before the views). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long decodeToRecords() throws TraceReadException {
        long[] count = new long[1];
        TraceReader.read(capture, (record, length) -> count[0] += length);
        return count[0];
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public int decodeIntoStore() throws TraceReadException {
        EventStore fresh = new EventStore();
        TraceReader.read(capture, new StoreFeed(fresh, "bench"));
        return fresh.size();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterFailedOnly() {
        return EventQuery.select(store, EventFilter.ALL.withFailedOnly());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterUpcallAndThread() {
        return EventQuery.select(store, EventFilter.ALL.withUpcalls(Upcall.WPU_POST_MESSAGE).withThreads(7005));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterSocket() {
        return EventQuery.select(store, EventFilter.ALL.withSocket(0x200 + 1234 * 4));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterText() {
        return EventQuery.select(store, EventFilter.ALL.withText("WSAENOTSOCK"));
    }

    /** A flag name the Arguments column decodes (WPUPostMessage's lParam), as the row shows it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterTextFdFlag() {
        return EventQuery.select(store, EventFilter.ALL.withText("FD_CLOSE"));
    }

    /** A socket handle as the Arguments and Result columns show it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterTextHandle() {
        return EventQuery.select(store, EventFilter.ALL.withText("0x1234"));
    }

    /** Digits only: may be part of any number a row shows (times, durations, ids, handles). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IntList filterTextDigits() {
        return EventQuery.select(store, EventFilter.ALL.withText("1234"));
    }
}
