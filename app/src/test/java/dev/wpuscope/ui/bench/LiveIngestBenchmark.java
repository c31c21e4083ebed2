package dev.wpuscope.ui.bench;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.TrafficFilter;
import dev.wpuscope.ui.traffic.SyntheticCapture;
import dev.wpuscope.ui.traffic.TrafficViewModel;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live ingest of the Live Traffic view, the FX thread's share of one frame at a given event rate (60
 * frames/s): {@link TrafficViewModel#pull} takes the events the background reader added since the last
 * frame (decoded into the store and analyzers in the untimed per-invocation setup) into the table as one
 * ranged change, with the filter, counts and rate. At 100,000 events/s a frame brings 1,667 events; the
 * time per frame must stay well under 16.7 ms. Events/s the view sustains = events per frame / time per frame.
 * Run: {@code mvn -pl app -Pbench test-compile exec:exec -Dbench=LiveIngest}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LiveIngestBenchmark {
    private static final int FRAMES_PER_SECOND = 60;
    private static final int ROUNDS = 50_000;

    @Param({"100000", "1000000"})
    public int eventsPerSecond;

    @Param({"none", "text"})
    public String filter;

    private byte[] capture;
    private int[] frameEnds;
    private int frame;
    private CaptureSession session;
    private TraceDecoder decoder;
    private TrafficViewModel model;
    private long now;

    @Setup(Level.Trial)
    public void makeCapture() {
        capture = SyntheticCapture.rounds(ROUNDS);
        // byte ranges holding one frame's worth of events each (records are of similar size)
        int frames = ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND / (eventsPerSecond / FRAMES_PER_SECOND);
        frameEnds = new int[frames];
        for (int i = 0; i < frames; i++) {
            frameEnds[i] = (int) ((long) capture.length * (i + 1) / frames);
        }
    }

    @Setup(Level.Iteration)
    public void newSession() {
        session = new CaptureSession("bench");
        decoder = new TraceDecoder("bench", session);
        model = new TrafficViewModel(ZoneOffset.UTC);
        model.setSource(session, session.analysis(), "bench", false);
        if (filter.equals("text")) {
            model.filterProperty().set(TrafficFilter.NONE.withText("postmessage"));
        }
        frame = 0;
        now = 0;
    }

    /** The background reader's work for the next frame (not timed). */
    @Setup(Level.Invocation)
    public void readerAddsOneFrameOfEvents() throws Exception {
        if (frame == frameEnds.length) {
            newSession();
        }
        int from = frame == 0 ? 0 : frameEnds[frame - 1];
        decoder.feed(capture, from, frameEnds[frame] - from);
        frame++;
        now += 1_000_000_000L / FRAMES_PER_SECOND;
    }

    @Benchmark
    public int pullOneFrame() {
        return model.pull(now);
    }
}
