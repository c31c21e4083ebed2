package dev.wpuscope.bench;

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
 * The trace engine's figures, in one run: decode throughput of a synthetic capture of 1 million upcalls
 * (events/s) beside merely reading the same bytes, decoding into the store, filtering 1 million stored
 * events, and the heap bytes per stored event of a 10-million-event store (printed by the setup).
 *
 * <p>Run: {@code mvn -pl app -Pbench test-compile exec:exec -Dbench=TraceBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class TraceBenchmark {

    static final int EVENTS = 1_000_000;
    private static final int TEN_MILLION = 10_000_000;

    private Path capture;
    private EventStore store;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        capture = Files.createTempFile("wpuscope-bench", ".wputrace");
        Files.write(capture, SyntheticCapture.bytes(EVENTS));
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
     * CPU time of this thread per event for decoding and for decoding into a store: on a machine shared with
     * other work the wall-clock scores vary, the CPU time much less.
     */
    private void printCpuPerEvent() throws TraceReadException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            decode();
            long t1 = threads.getCurrentThreadCpuTime();
            decodeIntoStore();
            long t2 = threads.getCurrentThreadCpuTime();
            System.out.printf("CPU per event (round %d): decode %.1f ns, decode into store %.1f ns%n", round,
                    (t1 - t0) / (double) EVENTS, (t2 - t1) / (double) EVENTS);
        }
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

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public long readBytesOnly() throws IOException {
        long sum = 0;
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
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
    public long decode() throws TraceReadException {
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
