package dev.wpuscope.ui.bench;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.RowOrder;
import dev.wpuscope.ui.traffic.SortKey;
import dev.wpuscope.ui.traffic.SyntheticCapture;
import dev.wpuscope.ui.traffic.TrafficViewController;
import dev.wpuscope.ui.traffic.TrafficViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The FX thread's whole frame with the real Live Traffic view, headless (Monocle, software renderer):
 * per frame, the view's frame step (the model's pull of one frame's events, moving the row window, the panels'
 * refresh twice a second), the CSS and layout passes a pulse runs, and painting the table into an image (a
 * snapshot renders it like a pulse does; the rendering itself runs on the renderer thread, so the FX thread's
 * CPU time of that part is only its share). JMH does not fit here (the work must run
 * on the FX thread in order, one frame after the other), so this is a plain harness that prints the mean,
 * median and 99th percentile per part, wall clock and the FX thread's CPU time (steadier on a shared machine),
 * for each rate given as an argument (default 100,000 events/s) at 60 frames/s, in capture order and sorted.
 * Run: {@code mvn -pl app -Pframe-bench test-compile exec:exec [-Drates=100000,300000]}
 */
public final class TableFrameBenchmark {
    private static final int FRAMES_PER_SECOND = 60;
    private static final Method CSS_PASS = scenePass("doCSSPass");
    private static final Method LAYOUT_PASS = scenePass("doLayoutPass");
    private static final int FRAMES = 600;
    private static final int WARMUP_FRAMES = 200;

    private TableFrameBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessFx.start();
        int[] rates = args.length == 0 ? new int[] {100_000} : Arrays.stream(String.join(",", args).split("[,\\s]+"))
                .filter(rate -> !rate.isEmpty()).mapToInt(Integer::parseInt).toArray();
        for (int rate : rates) {
            for (RowOrder order : new RowOrder[] {null, new RowOrder(SortKey.ERROR, true)}) {
                System.out.println(HeadlessFx.onFxThread(() -> run(rate, order)));
            }
        }
        Platform.exit();
    }

    private static String run(int eventsPerSecond, RowOrder order) {
        TrafficViewController controller = FxViews.show(new Stage(), "traffic/TrafficView.fxml", 1600, 1000);
        controller.stop();
        int perFrame = eventsPerSecond / FRAMES_PER_SECOND;
        int rounds = (WARMUP_FRAMES + FRAMES) * perFrame / SyntheticCapture.UPCALLS_PER_ROUND + 1;
        byte[] capture = SyntheticCapture.rounds(rounds);
        CaptureSession session = new CaptureSession("bench");
        TraceDecoder decoder = new TraceDecoder("bench", session);
        controller.show(session, session.analysis(), "bench", null);
        TrafficViewModel model = controller.viewModel();
        model.orderProperty().set(order);
        TableView<Integer> table = controller.eventTable();
        WritableImage image = new WritableImage(1600, 1000);
        int frames = WARMUP_FRAMES + FRAMES;
        PartTimes[] parts = {new PartTimes("frame: pull + panels"), new PartTimes("pulse CSS + layout"),
                new PartTimes("table paint (snapshot)")};
        try {
            for (int f = 0; f < frames; f++) {
                int from = (int) ((long) capture.length * f / frames);
                int to = (int) ((long) capture.length * (f + 1) / frames);
                decoder.feed(capture, from, to - from);
                int frame = f - WARMUP_FRAMES;
                long now = f * 1_000_000_000L / FRAMES_PER_SECOND;
                parts[0].time(frame, () -> controller.advanceFrame(now));
                parts[1].time(frame, () -> pulsePasses(table.getScene()));
                parts[2].time(frame, () -> table.snapshot(null, image));
            }
        } catch (Exception | Error broken) {
            return "failed: " + broken;
        } finally {
            table.getScene().getWindow().hide();
        }
        StringBuilder out = new StringBuilder(String.format(
                "%,d events/s, %d events per frame, %s, %,d rows at the end (ms per frame: wall clock | FX thread CPU)%n",
                eventsPerSecond, perFrame, order == null ? "capture order, auto-scroll" : "sorted by " + order,
                model.rows().size()));
        PartTimes whole = new PartTimes("whole frame");
        for (PartTimes part : parts) {
            out.append(part.figures());
            whole.add(part);
        }
        return out.append(whole.figures()).toString();
    }

    /**
     * The CSS and layout passes of a pulse: only the nodes marked dirty. (Node.applyCss would force CSS on the
     * whole scene, which a pulse never does; the passes are package-private, hence reflection.)
     */
    private static void pulsePasses(Scene scene) {
        try {
            CSS_PASS.invoke(scene);
            LAYOUT_PASS.invoke(scene);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's Scene has no " + CSS_PASS + " / " + LAYOUT_PASS, e);
        }
    }

    private static Method scenePass(String name) {
        try {
            Method pass = Scene.class.getDeclaredMethod(name);
            pass.setAccessible(true);
            return pass;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("JavaFX's Scene has no " + name + "()", e);
        }
    }

    /** Wall-clock and FX-thread CPU nanoseconds of one part of each measured frame. */
    private static final class PartTimes {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final String name;
        private final long[] wall = new long[FRAMES];
        private final long[] cpu = new long[FRAMES];

        PartTimes(String name) {
            this.name = name;
        }

        /** Runs {@code work}, keeping its times when {@code frame} is a measured one (not warm-up). */
        void time(int frame, Runnable work) {
            long wall0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            work.run();
            if (frame >= 0) {
                cpu[frame] = THREADS.getCurrentThreadCpuTime() - cpu0;
                wall[frame] = System.nanoTime() - wall0;
            }
        }

        void add(PartTimes other) {
            for (int i = 0; i < FRAMES; i++) {
                wall[i] += other.wall[i];
                cpu[i] += other.cpu[i];
            }
        }

        String figures() {
            return String.format("  %-24s mean %7.2f | %7.2f   median %7.2f | %7.2f   p99 %7.2f | %7.2f%n", name,
                    mean(wall), mean(cpu), percentile(wall, 50), percentile(cpu, 50), percentile(wall, 99),
                    percentile(cpu, 99));
        }

        private static double mean(long[] nanos) {
            return Arrays.stream(nanos).average().orElse(0) / 1e6;
        }

        private static double percentile(long[] nanos, int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
        }
    }
}
