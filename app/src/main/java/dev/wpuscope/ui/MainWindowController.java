package dev.wpuscope.ui;

import dev.wpuscope.catalog.diff.CatalogDiffer;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.tracer.TracerDllDirectory;
import dev.wpuscope.ui.catalogview.CatalogViewController;
import dev.wpuscope.ui.catalogview.CatalogViewModel;
import dev.wpuscope.ui.catalogview.EntryRow;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.TrafficViewController;
import dev.wpuscope.ui.traffic.TrafficViewModel;
import dev.wpuscope.ui.repairview.LiveRepair;
import dev.wpuscope.ui.repairview.RepairDialogController;
import dev.wpuscope.ui.tracerview.LiveTracer;
import dev.wpuscope.ui.tracerview.TracerActions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** Controller of MainWindow.fxml: menus, toolbar, status bar, and opening/saving files for both views. */
public final class MainWindowController {
    private Stage stage;
    private UserPreferences preferences;
    private ExampleData examples;
    private RecentFiles recent;
    private Theme theme = Theme.LIGHT;
    private final ThisMachine machine = ThisMachine.detect();
    private final Sources sources = new Sources(machine);
    private TracerActions tracer;
    private CaptureSession session;
    private DemoTraffic demo;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private CheckMenuItem pauseItem;
    @FXML private CheckMenuItem autoScrollItem;
    @FXML private MenuItem refreshLiveItem;
    @FXML private MenuItem demoItem;
    @FXML private MenuItem pipeItem;
    @FXML private MenuItem installTracerItem;
    @FXML private MenuItem removeTracerItem;
    @FXML private MenuItem tracerNeedsItem;
    @FXML private javafx.scene.control.Button demoButton;
    @FXML private ToggleButton pauseToolButton;
    @FXML private ToggleButton autoScrollToolButton;
    @FXML private ToggleButton darkThemeButton;
    @FXML private TabPane tabs;
    @FXML private Tab catalogTab;
    @FXML private Tab trafficTab;
    @FXML private Label sourceStatus;
    @FXML private Label eventsStatus;
    @FXML private Label rateStatus;
    @FXML private Label dropsStatus;
    @FXML private Label selectionStatus;
    @FXML private CatalogViewController catalogViewController;
    @FXML private TrafficViewController trafficViewController;

    @FXML
    private void initialize() {
        TrafficViewModel traffic = trafficViewController.viewModel();
        pauseItem.selectedProperty().bindBidirectional(traffic.pausedProperty());
        pauseToolButton.selectedProperty().bindBidirectional(traffic.pausedProperty());
        autoScrollItem.selectedProperty().bindBidirectional(traffic.autoScrollProperty());
        autoScrollToolButton.selectedProperty().bindBidirectional(traffic.autoScrollProperty());
        eventsStatus.textProperty().bind(traffic.receivedProperty().asString("%,d"));
        rateStatus.textProperty().bind(traffic.rateProperty().asString("%,.0f/s"));
        dropsStatus.textProperty().bind(traffic.dropsProperty().asString("%,d"));
        traffic.dropsProperty().addListener((obs, old, drops) -> {
            dropsStatus.getStyleClass().remove("status-drops-nonzero");
            if (drops.longValue() > 0) {
                dropsStatus.getStyleClass().add("status-drops-nonzero");
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> bindStatusToTab(tab));
        bindStatusToTab(tabs.getSelectionModel().getSelectedItem());
        catalogViewController.setActions(this::open, this::chooseAndOpen, this::openExampleCatalog);
        trafficViewController.setActions(this::open, this::chooseAndOpen, this::openExampleCapture, this::toggleDemo);
        refreshLiveItem.setDisable(!sources.hasLiveCatalog());
    }

    /** Called once after loading: the window, what to remember, and where the examples are. */
    void init(Stage window, UserPreferences prefs, ExampleData exampleData) {
        this.stage = window;
        this.preferences = prefs;
        this.examples = exampleData;
        this.recent = prefs.recentFiles();
        this.demo = new DemoTraffic(exampleData.resources().getParent(), System.getenv());
        this.tracer = new TracerActions(window, new LiveTracer(machine.tracer(), LiveTracer.BACKUPS),
                new TracerDllDirectory(TracerDllDirectory.standardDirectory()),
                () -> catalogViewController.viewModel().snapshotProperty().get(), this::selectedEntries,
                this::refreshLiveCatalog);
        RepairDialogController.Services repair = new RepairDialogController.Services(
                new LiveRepair(machine.tracer(), LiveTracer.BACKUPS), RepairDialogController.fileChooser(),
                this::refreshLiveCatalog);
        catalogViewController.setRepairAction(
                (snapshot, request) -> RepairDialogController.open(window, repair, snapshot, request));
        showTracerAvailability();
        applyTheme(prefs.theme());
        trafficViewController.rememberColumns(prefs);
        rebuildRecentMenu();
        if (examples.capture().isEmpty()) {
            trafficViewController.setEmptyHint("No recorded capture is in " + examples.resources().resolve(
                    ExampleData.CAPTURES) + " yet (the native build records one). Open a .wputrace capture "
                    + "(Ctrl+O or drop it here), or start demo traffic.");
        }
    }

    /** Opens the start-up data: the example catalog and the recorded example capture, when present. */
    void openStartupData() {
        if (sources.hasLiveCatalog()) {
            refreshLiveCatalog();
        } else {
            examples.catalog().ifPresent(file -> openCatalog(file, true));
        }
        examples.capture().ifPresent(file -> openCapture(file, true));
    }

    private void bindStatusToTab(Tab tab) {
        sourceStatus.textProperty().unbind();
        selectionStatus.textProperty().unbind();
        if (tab == trafficTab) {
            sourceStatus.textProperty().bind(trafficViewController.viewModel().sourceLabelProperty());
            selectionStatus.textProperty().bind(trafficViewController.viewModel().selectionSummaryProperty());
        } else {
            sourceStatus.textProperty().bind(catalogViewController.viewModel().sourceLabelProperty());
            selectionStatus.textProperty().bind(catalogViewController.viewModel().selectionSummaryProperty());
        }
    }

    // ---- opening files ----

    @FXML
    void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a catalog or a capture");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Catalogs and captures", "*.reg", "*.txt", "*.json", "*.wputrace"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens a catalog or a capture, whichever the file's content is. */
    public void open(Path file) {
        try {
            if (Sources.isCapture(file)) {
                openCapture(file, false);
            } else {
                openCatalog(file, false);
            }
        } catch (java.io.IOException unreadable) {
            forgetRecent(file);
            Dialogs.showError(stage, "Cannot open " + file.getFileName(), unreadable);
        }
    }

    private void openCatalog(Path file, boolean example) {
        runInBackground("Reading " + file.getFileName(), () -> sources.readCatalog(file), opened -> {
            catalogViewController.show(opened.snapshot(), opened.diagnosis(), opened.files(), example);
            if (!example) {
                remember(file);
            }
            tabs.getSelectionModel().select(catalogTab);
        }, file);
    }

    private void openCapture(Path file, boolean example) {
        CaptureLoading loading = sources.openCapture(file);
        trafficViewController.showProgress("Opening " + file.getFileName(), loading.progressProperty(),
                loading::cancel);
        loading.setOnSucceeded(event -> {
            trafficViewController.hideProgress();
            sources.close();
            showSession(loading.getValue(), file.toString(), example
                    ? "Example capture recorded by the wpuscope project with its own tracer and test host under "
                    + "Wine (resources/captures): the sample providers' upcalls, not a customer's machine." : null);
            if (!example) {
                remember(file);
                tabs.getSelectionModel().select(trafficTab);
            }
        });
        loading.setOnCancelled(event -> trafficViewController.hideProgress());
        loading.setOnFailed(event -> {
            trafficViewController.hideProgress();
            forgetRecent(file);
            Dialogs.showError(stage, "Cannot open " + file.getFileName(), loading.getException());
        });
        start(loading);
    }

    @FXML
    void openExampleCatalog() {
        Optional<Path> file = examples.catalog();
        if (file.isPresent()) {
            openCatalog(file.get(), true);
        } else {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No example catalog",
                    "The example catalog is missing: expected " + examples.resources().resolve(ExampleData.CATALOG));
        }
    }

    @FXML
    void openExampleCapture() {
        Optional<Path> file = examples.capture();
        if (file.isPresent()) {
            openCapture(file.get(), true);
            tabs.getSelectionModel().select(trafficTab);
        } else {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No recorded capture yet",
                    "No recorded capture is in " + examples.resources().resolve(ExampleData.CAPTURES)
                            + ". The native build records one (./setup.sh builds it).");
        }
    }

    @FXML
    private void chooseAndFollow() {
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
            tabs.getSelectionModel().select(trafficTab);
        } catch (Exception problem) {
            Dialogs.showError(stage, "Cannot follow " + file.getFileName(), problem);
        }
    }

    private void showSession(CaptureSession shown, String label, String exampleNote) {
        session = shown;
        showPipeState();
        trafficViewController.show(shown, shown.analysis(), label, exampleNote);
    }

    @FXML
    void refreshLiveCatalog() {
        runInBackground("Reading the live catalog", sources::readLiveCatalog,
                opened -> catalogViewController.show(opened.snapshot(), opened.diagnosis(), opened.files(), false),
                null);
    }

    // ---- saving ----

    @FXML
    private void saveSnapshot() {
        CatalogSnapshot snapshot = catalogViewController.viewModel().snapshotProperty().get();
        if (snapshot == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No catalog open", "Open a catalog first.");
            return;
        }
        File file = saveChooser("Save catalog snapshot", "wpuscope snapshot", "*.json", "catalog-snapshot.json");
        if (file != null) {
            runInBackground("Saving " + file.getName(), () -> {
                sources.writeSnapshot(snapshot, file.toPath());
                return file;
            }, saved -> remember(saved.toPath()), file.toPath());
        }
    }

    /** File › Export Report: the open catalog's HTML report, the page wpuscope report writes. */
    @FXML
    private void exportReport() {
        CatalogViewModel catalog = catalogViewController.viewModel();
        CatalogSnapshot snapshot = catalog.snapshotProperty().get();
        if (snapshot == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No catalog open", "Open a catalog first, then export "
                    + "its report.");
            return;
        }
        Diagnosis diagnosis = catalog.diagnosis();
        File file = saveChooser("Export report", "HTML report", "*.html", "winsock-report.html");
        if (file != null) {
            runInBackground("Writing " + file.getName(), () -> {
                sources.writeReport(snapshot, diagnosis, file.toPath());
                return file;
            }, written -> { }, file.toPath());
        }
    }

    @FXML
    private void saveCapture() {
        exportEvents("Save capture", "Captures", "*.wputrace", "capture.wputrace", Sources.Export.CAPTURE);
    }

    @FXML
    private void exportCsv() {
        exportEvents("Export events as CSV", "CSV", "*.csv", "events.csv", Sources.Export.CSV);
    }

    @FXML
    private void exportJson() {
        exportEvents("Export events as JSON lines", "JSON lines", "*.jsonl", "events.jsonl", Sources.Export.JSON);
    }

    private void exportEvents(String title, String kind, String pattern, String name, Sources.Export format) {
        TrafficViewModel traffic = trafficViewController.viewModel();
        if (session == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No capture open", "Open a capture or start traffic first.");
            return;
        }
        File file = saveChooser(title, kind, pattern, name);
        if (file != null) {
            CaptureSession exported = session;
            int[] rows = traffic.rows().rowNumbers();
            runInBackground(title, () -> {
                sources.export(exported, rows, format, file.toPath());
                return file;
            }, saved -> { }, file.toPath());
        }
    }

    private File saveChooser(String title, String kind, String pattern, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(initialName);
        return chooser.showSaveDialog(stage);
    }

    // ---- demo traffic ----

    @FXML
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
        runInBackground("Starting demo traffic", demo::start, capture -> {
            followCapture(capture, "demo traffic: wpuhost.exe under Wine → " + capture);
            showDemoState();
            demo.onExit(() -> Platform.runLater(this::showDemoState));
            demo.watchForFailure(capture, DemoTraffic.CAPTURE_TIMEOUT, message -> Platform.runLater(
                    () -> Dialogs.show(stage, Alert.AlertType.ERROR, "Demo traffic failed", message)));
        }, null);
    }

    private void showDemoState() {
        String text = demo.isRunning() ? "Stop demo traffic" : "Demo traffic";
        demoButton.setText(text);
        demoItem.setText(demo.isRunning() ? "Stop _Demo Traffic" : "Start _Demo Traffic");
    }

    // ---- tracer ----

    private void showTracerAvailability() {
        Optional<String> reason = tracer.unavailableReason();
        installTracerItem.setDisable(reason.isPresent());
        removeTracerItem.setDisable(reason.isPresent());
        tracerNeedsItem.setVisible(reason.isPresent());
        tracerNeedsItem.setText(reason.orElse(""));
        pipeItem.setDisable(!sources.hasTracerPipe());
    }

    private List<CatalogEntry> selectedEntries() {
        EntryRow row = catalogViewController.viewModel().selectedProperty().get();
        return row == null ? List.of() : List.of(row.entry());
    }

    @FXML
    void planTracer() {
        tracer.plan();
    }

    @FXML
    private void installTracer() {
        tracer.install();
    }

    @FXML
    private void removeTracer() {
        tracer.remove();
    }

    @FXML
    private void tracerStatus() {
        tracer.status();
    }

    @FXML
    private void togglePipe() {
        if (sources.isListening()) {
            sources.close();
            showPipeState();
            return;
        }
        try {
            CaptureSession listened = sources.listenOnTracerPipe(problem -> Platform.runLater(
                    () -> Dialogs.showError(stage, "Stopped listening on the tracer pipe", problem)));
            showSession(listened, "tracer pipe", null);
            tabs.getSelectionModel().select(trafficTab);
        } catch (Exception problem) {
            Dialogs.showError(stage, "Cannot listen on the tracer pipe", problem);
        }
    }

    private void showPipeState() {
        pipeItem.setText(sources.isListening() ? "Stop Listening on Tracer _Pipe" : "Listen on Tracer _Pipe");
    }

    // ---- view ----

    @FXML
    private void showCatalog() {
        tabs.getSelectionModel().select(catalogTab);
    }

    @FXML
    private void showTraffic() {
        tabs.getSelectionModel().select(trafficTab);
    }

    @FXML
    private void toggleTheme() {
        applyTheme(darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT);
    }

    @FXML
    private void toggleThemeFromButton() {
        applyTheme(darkThemeButton.isSelected() ? Theme.DARK : Theme.LIGHT);
    }

    void applyTheme(Theme chosen) {
        theme = chosen;
        darkThemeItem.setSelected(chosen == Theme.DARK);
        darkThemeButton.setSelected(chosen == Theme.DARK);
        root.getStylesheets().setAll(chosen.stylesheets());
        if (preferences != null) {
            preferences.setTheme(chosen);
        }
    }

    Theme theme() {
        return theme;
    }

    @FXML
    private void clearEvents() {
        trafficViewController.clearEvents();
    }

    @FXML
    private void focusSearch() {
        tabs.getSelectionModel().select(trafficTab);
        trafficViewController.focusSearch();
    }

    @FXML
    private void compareWith() {
        CatalogSnapshot open = catalogViewController.viewModel().snapshotProperty().get();
        if (open == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No catalog open", "Open a catalog first, then "
                    + "compare it with another.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare the open catalog with…");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            runInBackground("Comparing with " + file.getName(),
                    () -> new CatalogDiffer().diff(open, sources.readCatalog(file.toPath()).snapshot()), diff -> {
                        catalogViewController.showDiff(diff);
                        tabs.getSelectionModel().select(catalogTab);
                    }, null);
        }
    }

    @FXML
    private void showShortcuts() {
        Dialogs.show(stage, Alert.AlertType.INFORMATION, "Keyboard shortcuts", String.join("\n",
                "Ctrl+O  open a catalog or capture", "Ctrl+S  save catalog snapshot", "Ctrl+R  export report",
                "Ctrl+Shift+S  save capture", "Ctrl+E / Ctrl+Shift+E  export events as CSV / JSON",
                "Ctrl+1 / Ctrl+2  Catalog / Live Traffic", "Ctrl+F  search events", "Ctrl+P  pause",
                "Ctrl+Shift+A  auto-scroll", "Ctrl+L  clear events", "Ctrl+Shift+D  demo traffic",
                "Ctrl+Shift+F  follow a capture file", "Ctrl+T  dark theme", "F5  refresh live catalog",
                "Ctrl+Shift+T  tracer plan",
                "Ctrl+Q  quit"));
    }

    @FXML
    private void showAbout() {
        Dialogs.show(stage, Alert.AlertType.INFORMATION, dev.wpuscope.WpuscopeVersion.text(),
                "An inspector for the Winsock 2 service-provider catalog and the WPU* upcalls providers make.");
    }

    @FXML
    private void quit() {
        stage.close();
    }

    // ---- recent files and layout ----

    private void remember(Path file) {
        recent.add(file.toAbsolutePath().toString());
        preferences.setRecentFiles(recent);
        rebuildRecentMenu();
    }

    private void forgetRecent(Path file) {
        recent.remove(file.toAbsolutePath().toString());
        preferences.setRecentFiles(recent);
        rebuildRecentMenu();
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (String path : recent.paths()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> open(Path.of(path)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recent.paths().isEmpty());
    }

    /** Split panes whose divider positions are remembered, by preference key. */
    java.util.Map<String, SplitPane> rememberedSplits() {
        return java.util.Map.of(
                "catalog.main", catalogViewController.mainSplit(),
                "catalog.center", catalogViewController.centerSplit(),
                "traffic.main", trafficViewController.mainSplit(),
                "traffic.table", trafficViewController.tableSplit());
    }

    void stop() {
        demo.stop();
        trafficViewController.stop();
        sources.close();
    }

    // ---- background work ----

    /** Runs {@code work} off the FX thread; shows its failure as a dialog about {@code file}. */
    private <T> void runInBackground(String title, Sources.Work<T> work, java.util.function.Consumer<T> done,
                                     Path file) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run();
            }
        };
        task.setOnSucceeded(event -> done.accept(task.getValue()));
        task.setOnFailed(event -> {
            if (file != null) {
                forgetRecent(file);
            }
            Dialogs.showError(stage, title + " failed", task.getException());
        });
        start(task);
    }

    private static void start(Task<?> task) {
        Daemons.start(task, "wpuscope-background");
    }
}
