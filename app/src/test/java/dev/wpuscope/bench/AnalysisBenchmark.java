package dev.wpuscope.bench;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The analyzers' figures: events/s through all analyzers (decoded records fed one at a time, and decoding
 * plus analysis from the capture file), and the heap the analysis of 1 million busy upcalls keeps (printed
 * by the setup). The synthetic traffic creates, queries, posts to, completes and closes 5000 sockets and
 * closes each twice, so it also produces 100,000 findings per million events.
 *
 * <p>Run: {@code mvn -pl app -Pbench test-compile exec:exec -Dbench=AnalysisBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class AnalysisBenchmark {

    private static final int EVENTS = TraceBenchmark.EVENTS;

    private Path capture;
    private TraceRecord.UpcallEvent[] events;
    private TraceRecord.ProcessHello hello;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        capture = Files.createTempFile("wpuscope-bench", ".wputrace");
        Files.write(capture, SyntheticCapture.bytes(EVENTS));
        events = new TraceRecord.UpcallEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = SyntheticCapture.upcall(i);
        }
        hello = new TraceRecord.ProcessHello(0, SyntheticCapture.PID, 1, 64, 0x100, 10_000_000L, 0, 0, "app.exe", "", null);
        printHeapKept();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(capture);
    }

    private void printHeapKept() {
        long before = TraceBenchmark.usedHeapAfterGc();
        TraceAnalysis analysis = analyzeRecords();
        long after = TraceBenchmark.usedHeapAfterGc();
        System.out.printf("%nANALYSIS: %,d events keep %,d heap bytes (%d MiB) for %,d handles and %,d findings%n",
                EVENTS, after - before, (after - before) >> 20, analysis.handles().handles().size(),
                analysis.findingCount());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public TraceAnalysis analyzeRecords() {
        TraceAnalysis analysis = new TraceAnalysis();
        analysis.accept(hello);
        for (TraceRecord.UpcallEvent e : events) {
            analysis.accept(e);
        }
        return analysis;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public TraceAnalysis decodeAndAnalyze() throws TraceReadException {
        TraceAnalysis analysis = new TraceAnalysis();
        TraceReader.read(capture, (record, length) -> analysis.accept(record));
        return analysis;
    }
}
