package dev.wpuscope.ui;

import dev.wpuscope.catalog.diff.CatalogDiffer;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.tracer.TracerDllDirectory;
import dev.wpuscope.ui.catalogview.CatalogViewController;
import dev.wpuscope.ui.catalogview.EntryRow;
import dev.wpuscope.ui.sockets.SocketsViewController;
import dev.wpuscope.ui.statistics.StatisticsViewController;
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

/**
 * Controller of MainWindow.fxml: menus, toolbar, status bar, opening and saving catalogs; the trace side (captures,
 * demo traffic, the tracer pipe, exports) is {@link CaptureActions}.
 */
public final class MainWindowController {
    private Stage stage;
    private UserPreferences preferences;
    private ExampleData examples;
    private RecentMenu recent;
    private BackgroundWork background;
    private CaptureActions captures;
    private CatalogFiles catalogFiles;
    private StatusBar status;
    private Theme theme = Theme.LIGHT;
    private final ThisMachine machine = ThisMachine.detect();
    private final Sources sources = new Sources(machine);
    private TracerActions tracer;

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
    @FXML private Tab socketsTab;
    @FXML private Tab statisticsTab;
    @FXML private Label sourceStatus;
    @FXML private Label eventsStatus;
    @FXML private Label rateStatus;
    @FXML private Label dropsStatus;
    @FXML private Label selectionStatus;
    @FXML private CatalogViewController catalogViewController;
    @FXML private TrafficViewController trafficViewController;
    @FXML private SocketsViewController socketsViewController;
    @FXML private StatisticsViewController statisticsViewController;

    @FXML
    private void initialize() {
        TrafficViewModel traffic = trafficViewController.viewModel();
        pauseItem.selectedProperty().bindBidirectional(traffic.pausedProperty());
        pauseToolButton.selectedProperty().bindBidirectional(traffic.pausedProperty());
        autoScrollItem.selectedProperty().bindBidirectional(traffic.autoScrollProperty());
        autoScrollToolButton.selectedProperty().bindBidirectional(traffic.autoScrollProperty());
        status = new StatusBar(sourceStatus, selectionStatus, eventsStatus, rateStatus, dropsStatus, traffic);
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
        this.recent = new RecentMenu(recentMenu, prefs, this::open);
        this.background = new BackgroundWork(window, recent::forget);
        this.catalogFiles = new CatalogFiles(window, sources, background, recent, catalogViewController::viewModel);
        this.captures = new CaptureActions(window, sources, exampleData, background, recent,
                new CaptureActions.Views(trafficViewController, socketsViewController, statisticsViewController,
                        this::showTraffic, demoButton, demoItem, pipeItem));
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
        examples.capture().ifPresent(file -> captures.openCapture(file, true));
    }

    /** The catalog's source and selection while the Catalog is in front, else the capture's. */
    private void bindStatusToTab(Tab tab) {
        if (tab == catalogTab) {
            status.showView(catalogViewController.viewModel().sourceLabelProperty(),
                    catalogViewController.viewModel().selectionSummaryProperty());
        } else {
            status.showView(trafficViewController.viewModel().sourceLabelProperty(),
                    trafficViewController.viewModel().selectionSummaryProperty());
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
                captures.openCapture(file, false);
            } else {
                openCatalog(file, false);
            }
        } catch (java.io.IOException unreadable) {
            recent.forget(file);
            Dialogs.showError(stage, "Cannot open " + file.getFileName(), unreadable);
        }
    }

    private void openCatalog(Path file, boolean example) {
        background.run("Reading " + file.getFileName(), () -> sources.readCatalog(file), opened -> {
            catalogViewController.show(opened.snapshot(), opened.diagnosis(), opened.files(), example);
            if (!example) {
                recent.remember(file);
            }
            tabs.getSelectionModel().select(catalogTab);
        }, file);
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
        captures.openExampleCapture();
    }

    @FXML
    private void chooseAndFollow() {
        captures.chooseAndFollow();
    }

    @FXML
    void refreshLiveCatalog() {
        background.run("Reading the live catalog", sources::readLiveCatalog,
                opened -> catalogViewController.show(opened.snapshot(), opened.diagnosis(), opened.files(), false),
                null);
    }

    // ---- saving ----

    @FXML
    private void saveSnapshot() {
        catalogFiles.saveSnapshot();
    }

    /** File › Export Report: the open catalog's HTML report, the page wpuscope report writes. */
    @FXML
    private void exportReport() {
        catalogFiles.exportReport();
    }

    @FXML
    private void saveCapture() {
        captures.exportEvents("Save capture", "Captures", "*.wputrace", "capture.wputrace", Sources.Export.CAPTURE);
    }

    @FXML
    private void exportCsv() {
        captures.exportEvents("Export events as CSV", "CSV", "*.csv", "events.csv", Sources.Export.CSV);
    }

    @FXML
    private void exportJson() {
        captures.exportEvents("Export events as JSON lines", "JSON lines", "*.jsonl", "events.jsonl", Sources.Export.JSON);
    }

    @FXML
    void toggleDemo() {
        captures.toggleDemo();
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
        captures.togglePipe();
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
    private void showSockets() {
        tabs.getSelectionModel().select(socketsTab);
    }

    @FXML
    private void showStatistics() {
        tabs.getSelectionModel().select(statisticsTab);
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
            background.run("Comparing with " + file.getName(),
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
                "Ctrl+1 / Ctrl+2 / Ctrl+3 / Ctrl+4  Catalog / Live Traffic / Sockets / Statistics", "Ctrl+F  search events", "Ctrl+P  pause",
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

    // ---- layout ----

    /** Split panes whose divider positions are remembered, by preference key. */
    java.util.Map<String, SplitPane> rememberedSplits() {
        return java.util.Map.of(
                "catalog.main", catalogViewController.mainSplit(),
                "catalog.center", catalogViewController.centerSplit(),
                "traffic.main", trafficViewController.mainSplit(),
                "traffic.table", trafficViewController.tableSplit(),
                "sockets.main", socketsViewController.split());
    }

    void stop() {
        captures.stop();
        sources.close();
    }
}
