package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.RowKind;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.FileDrop;
import dev.wpuscope.ui.Nodes;
import dev.wpuscope.ui.UserPreferences;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of TrafficView.fxml: the live event table, filter bar, counts, rate chart and panels. */
public final class TrafficViewController {
    private static final double ROW_HEIGHT = 22;
    private static final long PANEL_REFRESH_NANOS = 500_000_000L;
    /**
     * While a capture file is being read, the view takes in its rows ten times a second, not on every frame: a frame
     * costs the same CPU (styling, layout, drawing) whether it shows ten rows more or ten thousand, CPU the reading
     * needs.
     */
    private static final long LOADING_FRAME_NANOS = 100_000_000L;

    private final TrafficViewModel model = new TrafficViewModel(ZoneId.systemDefault());
    private final RowWindow window = new RowWindow(model.rows());
    private WindowedTable windowedTable;
    private EventColumns columns;
    private final XYChart.Series<Number, Number> rateSeries = new XYChart.Series<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advanceFrame(now);
        }
    };
    private Consumer<Path> openRequest = path -> { };
    private Runnable chooseFileRequest = () -> { };
    private Runnable exampleRequest = () -> { };
    private Runnable demoRequest = () -> { };
    private Runnable cancelRequest = () -> { };
    private final AnalysisPanels panels = new AnalysisPanels(this::showOnly);
    private long lastPanelRefresh;
    private long lastLoadingFrame;

    @FXML private StackPane root;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private Label emptyHint;
    @FXML private HBox exampleBanner;
    @FXML private Label exampleText;
    @FXML private HBox problemBanner;
    @FXML private Label problemText;
    @FXML private ComboBox<RowKind> kindBox;
    @FXML private TextField processField;
    @FXML private TextField threadField;
    @FXML private ComboBox<Enum<?>> functionBox;
    @FXML private TextField providerField;
    @FXML private TextField socketField;
    @FXML private CheckBox errorsOnlyBox;
    @FXML private TextField searchField;
    @FXML private Label onlyLabel;
    @FXML private MenuButton columnsButton;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane tableSplit;
    @FXML private TableView<Integer> eventTable;
    @FXML private ScrollBar eventScrollBar;
    @FXML private TabPane panelTabs;
    @FXML private Tab detailTab;
    @FXML private TableView<DetailRow> detailTable;
    @FXML private TableColumn<DetailRow, String> detailNameColumn;
    @FXML private TableColumn<DetailRow, String> detailValueColumn;
    @FXML private LineChart<Number, Number> rateChart;
    @FXML private TableView<CountRow> upcallCountTable;
    @FXML private TableColumn<CountRow, String> upcallCountName;
    @FXML private TableColumn<CountRow, Long> upcallCountValue;
    @FXML private TableView<CountRow> providerCountTable;
    @FXML private TableColumn<CountRow, String> providerCountName;
    @FXML private TableColumn<CountRow, Long> providerCountValue;
    @FXML private HBox progressBox;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;

    @FXML
    private void initialize() {
        setUpEventTable();
        new FilterBar(model.filterProperty(), kindBox, processField, threadField, functionBox, providerField,
                socketField, errorsOnlyBox, searchField, onlyLabel);
        setUpSidePanels();
        Cells.text(detailNameColumn, DetailRow::name);
        Cells.text(detailValueColumn, DetailRow::value);
        detailTable.setItems(model.details());
        detailTable.setPlaceholder(new Label("Select an event to see all its fields."));
        panels.all().forEach(panel -> panelTabs.getTabs().add(panel.tab()));
        FileDrop.install(root, path -> openRequest.accept(path));
        showState();
        problemText.textProperty().bind(model.readingProblemsProperty());
        model.readingProblemsProperty().addListener((obs, old, now) -> showState());
        frames.start();
    }

    private void setUpEventTable() {
        windowedTable = new WindowedTable(eventTable, eventScrollBar, window, model.selectedRowProperty(), ROW_HEIGHT);
        InvalidationListener follow = obs -> window.setFollowEnd(
                model.autoScrollProperty().get() && model.orderProperty().get() == null);
        model.autoScrollProperty().addListener(follow);
        model.orderProperty().addListener(follow);
        eventTable.setPlaceholder(new Label("No events match the filter yet."));
        eventTable.setTableMenuButtonVisible(true);
        columns = new EventColumns(eventTable, model, window, columnsButton);
    }

    /**
     * Restores which event columns are shown and their widths from {@code preferences}, and remembers
     * every later change there.
     */
    public void rememberColumns(UserPreferences preferences) {
        columns.remember(preferences);
    }

    private void setUpSidePanels() {
        Cells.text(upcallCountName, CountRow::name);
        Cells.value(upcallCountValue, CountRow::count);
        upcallCountTable.setItems(model.upcallCounts());
        Cells.text(providerCountName, CountRow::name);
        Cells.value(providerCountValue, CountRow::count);
        providerCountTable.setItems(model.providerCounts());
        upcallCountTable.getSelectionModel().selectedItemProperty().addListener((obs, old, count) -> {
            if (count != null) {
                showCallsOf(count.name());
            }
        });
        rateChart.getData().add(rateSeries);
        model.rateHistory().addListener((javafx.collections.ListChangeListener<Double>) change -> drawRate());
    }

    private static java.util.Optional<Enum<?>> functionNamed(String apiName) {
        return java.util.stream.Stream.<Enum<?>>concat(java.util.Arrays.stream(Downcall.values()),
                java.util.Arrays.stream(Upcall.values()))
                .filter(f -> FilterBar.functionName(f).equals(apiName)).findFirst();
    }

    private void drawRate() {
        List<Double> history = model.rateHistory();
        int n = history.size();
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new XYChart.Data<>(i - n + 1, history.get(i)));
        }
        rateSeries.getData().setAll(points);
    }

    /**
     * One frame of the view: takes in the events that arrived (the row window follows them when it shows
     * the end), fits the window to the table and refreshes the panels twice a second. The animation timer
     * calls it on every pulse; while a capture file is read it does its work ten times a second.
     */
    public void advanceFrame(long now) {
        if (progressBox.isVisible() && now - lastLoadingFrame < LOADING_FRAME_NANOS) {
            return;
        }
        lastLoadingFrame = now;
        model.pull(now);
        windowedTable.fit();
        panels.showFinishedRead();
        if (now - lastPanelRefresh >= PANEL_REFRESH_NANOS) {
            lastPanelRefresh = now;
            panels.refresh(model.analysis());
        }
    }

    private void showState() {
        boolean open = model.events() != null;
        Nodes.setShown(content, open);
        Nodes.setShown(emptyState, !open);
        Nodes.setShown(exampleBanner, open && model.isExample());
        Nodes.setShown(problemBanner, open && !model.readingProblemsProperty().get().isEmpty());
    }

    @FXML
    private void resetFilter() {
        model.filterProperty().set(TrafficFilter.NONE);
    }

    @FXML
    private void openFile() {
        chooseFileRequest.run();
    }

    @FXML
    private void openExample() {
        exampleRequest.run();
    }

    @FXML
    private void startDemo() {
        demoRequest.run();
    }

    @FXML
    private void cancelLoading() {
        cancelRequest.run();
    }

    /**
     * Shows a source and the analysis fed from the same records; {@code exampleNote} (non-null for example
     * data) says where it came from.
     */
    public void show(TrafficEvents events, TraceAnalysis analysis, String label, String exampleNote) {
        model.setSource(events, analysis, label, exampleNote != null);
        exampleText.setText(exampleNote == null ? "" : exampleNote);
        panels.refresh(analysis);
        showState();
    }

    /** What the empty state says when no capture is open (for example that no recorded capture exists yet). */
    public void setEmptyHint(String hint) {
        emptyHint.setText(hint);
    }

    /** Shows a progress bar with a cancel button while something loads; {@code cancel} runs on Cancel. */
    public void showProgress(String label, ObservableDoubleValue progress, Runnable cancel) {
        progressLabel.setText(label);
        progressBar.progressProperty().bind(progress);
        cancelRequest = cancel;
        Nodes.setShown(progressBox, true);
        if (model.events() == null) {
            Nodes.setShown(content, true);
            Nodes.setShown(emptyState, false);
        }
    }

    public void hideProgress() {
        progressBar.progressProperty().unbind();
        Nodes.setShown(progressBox, false);
        showState();
    }

    public void focusSearch() {
        searchField.requestFocus();
    }

    public void clearEvents() {
        model.clear();
    }

    public TrafficViewModel viewModel() {
        return model;
    }

    public void setActions(Consumer<Path> open, Runnable chooseFile, Runnable openExampleCapture, Runnable demo) {
        this.openRequest = open;
        this.chooseFileRequest = chooseFile;
        this.exampleRequest = openExampleCapture;
        this.demoRequest = demo;
    }

    /** Shows the calls of one upcall or downcall function, by its name (e.g. {@code WSPRecv}). */
    public void showCallsOf(String apiName) {
        functionNamed(apiName).ifPresent(f -> model.filterProperty().set(TrafficFilter.NONE.withFunction(f)));
    }

    /** Shows only the given events (a panel row's), as a filter the user can reset. */
    public void showOnly(TrafficFilter filter) {
        model.filterProperty().set(filter);
    }

    public TableView<Integer> eventTable() {
        return eventTable;
    }

    /** The part of the rows the event table shows. */
    public RowWindow rowWindow() {
        return window;
    }

    public SplitPane mainSplit() {
        return mainSplit;
    }

    public SplitPane tableSplit() {
        return tableSplit;
    }

    public void stop() {
        frames.stop();
    }
}
