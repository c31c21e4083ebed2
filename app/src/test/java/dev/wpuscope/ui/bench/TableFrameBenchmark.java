package dev.wpuscope.ui.bench;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.RowOrder;
import dev.wpuscope.ui.traffic.SortKey;
import dev.wpuscope.ui.traffic.SyntheticCapture;
import dev.wpuscope.ui.traffic.TrafficViewController;
import dev.wpuscope.ui.traffic.TrafficViewModel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The FX thread's whole frame with the real Live Traffic view, headless (Monocle, software renderer):
 * per frame, the view's frame step (the model's pull of one frame's events, moving the row window, the panels'
 * refresh twice a second), the TableView's CSS and layout pass, and painting the
 * table into an image (a snapshot renders it like a pulse does). JMH does not fit here (the work must run
 * on the FX thread in order, one frame after the other), so this is a plain harness that prints the mean,
 * median and 99th percentile per part, for 100,000 events/s at 60 frames/s, in capture order and sorted.
 * Run: {@code java -cp app/target/classes:app/target/test-classes:<test classpath>
 * dev.wpuscope.ui.bench.TableFrameBenchmark}
 */
public final class TableFrameBenchmark {
    private static final int EVENTS_PER_SECOND = 100_000;
    private static final int FRAMES_PER_SECOND = 60;
    private static final int FRAMES = 600;
    private static final int WARMUP_FRAMES = 200;

    private TableFrameBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get();
        for (RowOrder order : new RowOrder[] {null, new RowOrder(SortKey.ERROR, true)}) {
            CompletableFuture<String> figures = new CompletableFuture<>();
            Platform.runLater(() -> figures.complete(run(order)));
            System.out.println(figures.get());
        }
        Platform.exit();
    }

    private static String run(RowOrder order) {
        TrafficViewController controller = FxViews.show(new Stage(), "traffic/TrafficView.fxml", 1600, 1000);
        controller.stop();
        int perFrame = EVENTS_PER_SECOND / FRAMES_PER_SECOND;
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
        long[][] times = new long[3][FRAMES];
        try {
            for (int f = 0; f < frames; f++) {
                int from = (int) ((long) capture.length * f / frames);
                int to = (int) ((long) capture.length * (f + 1) / frames);
                decoder.feed(capture, from, to - from);
                long t0 = System.nanoTime();
                controller.advanceFrame(f * 1_000_000_000L / FRAMES_PER_SECOND);
                long t1 = System.nanoTime();
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
                long t2 = System.nanoTime();
                table.snapshot(null, image);
                long t3 = System.nanoTime();
                if (f >= WARMUP_FRAMES) {
                    times[0][f - WARMUP_FRAMES] = t1 - t0;
                    times[1][f - WARMUP_FRAMES] = t2 - t1;
                    times[2][f - WARMUP_FRAMES] = t3 - t2;
                }
            }
        } catch (Exception | Error broken) {
            return "failed: " + broken;
        } finally {
            table.getScene().getWindow().hide();
        }
        StringBuilder out = new StringBuilder(String.format("%,d events/s, %d events per frame, %s, %,d rows at the end%n",
                EVENTS_PER_SECOND, perFrame, order == null ? "capture order, auto-scroll" : "sorted by " + order,
                model.rows().size()));
        String[] parts = {"frame: pull + panels", "table CSS + layout", "table paint (snapshot)"};
        long[] total = new long[FRAMES];
        for (int p = 0; p < 3; p++) {
            out.append(figures(parts[p], times[p]));
            for (int i = 0; i < FRAMES; i++) {
                total[i] += times[p][i];
            }
        }
        return out.append(figures("whole frame", total)).toString();
    }

    private static String figures(String part, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("  %-24s mean %7.3f ms  median %7.3f ms  p99 %7.3f ms%n", part,
                Arrays.stream(nanos).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
