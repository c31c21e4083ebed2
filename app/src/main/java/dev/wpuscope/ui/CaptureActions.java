package dev.wpuscope.ui;

import dev.wpuscope.ui.sockets.SocketsViewController;
import dev.wpuscope.ui.statistics.StatisticsViewController;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.TrafficViewController;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The trace side of the main window: where the capture shown comes from (a file opened or followed, demo traffic,
 * the tracer pipe), showing it in the views that read it (Live Traffic, Sockets, Statistics), and exporting it.
 */
final class CaptureActions {
    private final Stage stage;
    private final Sources sources;
    private final ExampleData examples;
    private final DemoTraffic demo;
    private final BackgroundWork background;
    private final RecentMenu recent;
    private final TrafficViewController traffic;
    private final SocketsViewController sockets;
    private final StatisticsViewController statistics;
    private final Runnable showTraffic;
    private final Button demoButton;
    private final MenuItem demoItem;
    private final MenuItem pipeItem;
    private CaptureSession session;
    /** The capture file being read into the session shown, null when none is. */
    private CaptureLoading loading;

    /** The views and controls the trace side drives; {@code showTraffic} brings Live Traffic to the front. */
    record Views(TrafficViewController traffic, SocketsViewController sockets, StatisticsViewController statistics,
                 Runnable showTraffic, Button demoButton, MenuItem demoItem, MenuItem pipeItem) {
    }

    CaptureActions(Stage stage, Sources sources, ExampleData examples, BackgroundWork background, RecentMenu recent,
                   Views views) {
        this.stage = stage;
        this.sources = sources;
        this.examples = examples;
        this.demo = new DemoTraffic(examples.resources().getParent(), System.getenv());
        this.background = background;
        this.recent = recent;
        this.traffic = views.traffic();
        this.sockets = views.sockets();
        this.statistics = views.statistics();
        this.showTraffic = views.showTraffic();
        this.demoButton = views.demoButton();
        this.demoItem = views.demoItem();
        this.pipeItem = views.pipeItem();
        statistics.setShowCalls(name -> {
            traffic.showCallsOf(name);
            showTraffic.run();
        });
        sockets.setShowCalls(filter -> {
            traffic.showOnly(filter);
            showTraffic.run();
        });
    }

    /**
     * Opens a capture file: its events show as they are read (the first rows at once, like a followed capture), with
     * a progress bar until the end; Cancel stops reading and keeps the events read so far.
     */
    void openCapture(Path file, boolean example) {
        CaptureLoading opened = sources.openCapture(file);
        sources.close();
        showSession(opened.session(), file.toString(), example
                ? "Example capture recorded by the wpuscope project with its own tracer and test host under "
                + "Wine (resources/captures): the sample providers' upcalls, not a customer's machine." : null);
        loading = opened;
        traffic.showProgress("Opening " + file.getFileName(), opened.progressProperty(), opened::cancel);
        opened.setOnSucceeded(event -> {
            loadingEnded(opened);
            if (!example) {
                recent.remember(file);
            }
        });
        opened.setOnCancelled(event -> loadingEnded(opened));
        opened.setOnFailed(event -> {
            loadingEnded(opened);
            recent.forget(file);
            Dialogs.showError(stage, "Cannot open " + file.getFileName(), opened.getException());
        });
        if (!example) {
            showTraffic.run();
        }
        BackgroundWork.start(opened);
    }

    /** A capture's reading ended: its progress bar goes, unless another source is shown by now. */
    private void loadingEnded(CaptureLoading ended) {
        if (loading == ended) {
            loading = null;
            traffic.hideProgress();
        }
    }

    void openExampleCapture() {
        Optional<Path> file = examples.capture();
        if (file.isPresent()) {
            openCapture(file.get(), true);
            showTraffic.run();
        } else {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No recorded capture yet",
                    "No recorded capture is in " + examples.resources().resolve(ExampleData.CAPTURES)
                            + ". The native build records one (./setup.sh builds it).");
        }
    }

    void chooseAndFollow() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Follow a capture file a tracer is writing");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Captures", "*.wputrace"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            followCapture(file.toPath(), file.getName());
        }
    }

    private void followCapture(Path file, String label) {
        try {
            CaptureSession followed = sources.followCapture(file, problem -> Platform.runLater(
                    () -> Dialogs.showError(stage, "Stopped following " + file.getFileName(), problem)));
            showSession(followed, "following " + label, null);
            showTraffic.run();
        } catch (Exception problem) {
            Dialogs.showError(stage, "Cannot follow " + file.getFileName(), problem);
        }
    }

    /** Shows {@code shown} in the views instead of the capture shown before (whose reading stops, if it still runs). */
    private void showSession(CaptureSession shown, String label, String exampleNote) {
        if (loading != null) {
            loading.cancel();
            loadingEnded(loading);
        }
        session = shown;
        showPipeState();
        traffic.show(shown, shown.analysis(), label, exampleNote);
        sockets.show(shown);
        statistics.show(shown.analysis().calls());
    }

    void toggleDemo() {
        if (demo.isRunning()) {
            demo.stop();
            showDemoState();
            return;
        }
        List<String> missing = demo.missing();
        if (!missing.isEmpty()) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "Demo traffic cannot start here",
                    String.join("\n\n", missing));
            return;
        }
        background.run("Starting demo traffic", demo::start, capture -> {
            followCapture(capture, "demo traffic: wpuhost.exe under Wine → " + capture);
            showDemoState();
            demo.onExit(() -> Platform.runLater(this::showDemoState));
            demo.watchForFailure(capture, DemoTraffic.CAPTURE_TIMEOUT, message -> Platform.runLater(
                    () -> Dialogs.show(stage, Alert.AlertType.ERROR, "Demo traffic failed", message)));
        }, null);
    }

    private void showDemoState() {
        demoButton.setText(demo.isRunning() ? "Stop demo traffic" : "Demo traffic");
        demoItem.setText(demo.isRunning() ? "Stop _Demo Traffic" : "Start _Demo Traffic");
    }

    void togglePipe() {
        if (sources.isListening()) {
            sources.close();
            showPipeState();
            return;
        }
        try {
            CaptureSession listened = sources.listenOnTracerPipe(problem -> Platform.runLater(
                    () -> Dialogs.showError(stage, "Stopped listening on the tracer pipe", problem)));
            showSession(listened, "tracer pipe", null);
            showTraffic.run();
        } catch (Exception problem) {
            Dialogs.showError(stage, "Cannot listen on the tracer pipe", problem);
        }
    }

    private void showPipeState() {
        pipeItem.setText(sources.isListening() ? "Stop Listening on Tracer _Pipe" : "Listen on Tracer _Pipe");
    }

    /**
     * Writes the events the Live Traffic table shows as {@code format}, to a file the user picks: CSV and JSON lines in
     * the table's order, a capture in capture order (as it must be read back).
     */
    void exportEvents(String title, String kind, String pattern, String name, Sources.Export format) {
        if (session == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No capture open", "Open a capture or start traffic first.");
            return;
        }
        File file = Dialogs.chooseSaveFile(stage, title, kind, pattern, name);
        if (file != null) {
            CaptureSession exported = session;
            int[] rows = traffic.viewModel().rows().rowNumbers();
            background.run(title, () -> {
                sources.export(exported, rows, format, file.toPath());
                return file;
            }, saved -> { }, file.toPath());
        }
    }

    void stop() {
        demo.stop();
        traffic.stop();
        sockets.stop();
        statistics.stop();
    }
}
