package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.FileDrop;
import dev.wpuscope.ui.Nodes;
import dev.wpuscope.ui.UserPreferences;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
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
    /** Marks the rows of failed upcalls (a pseudo-class: switching it costs no CSS selector matching). */
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("event-failed");

    private final TrafficViewModel model = new TrafficViewModel(ZoneId.systemDefault());
    private final RowWindow window = new RowWindow(model.rows());
    private WindowedTable windowedTable;
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
    private boolean updatingFilterFields;
    private final AnalysisPanels panels = new AnalysisPanels(this::showOnly);
    private final Map<TableColumn<Integer, ?>, SortKey> sortKeys = new HashMap<>();
    private long lastPanelRefresh;

    @FXML private StackPane root;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private Label emptyHint;
    @FXML private HBox exampleBanner;
    @FXML private Label exampleText;
    @FXML private HBox problemBanner;
    @FXML private Label problemText;
    @FXML private TextField processField;
    @FXML private TextField threadField;
    @FXML private ComboBox<Upcall> upcallBox;
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
    @FXML private TableColumn<Integer, String> numberColumn;
    @FXML private TableColumn<Integer, String> timeColumn;
    @FXML private TableColumn<Integer, String> processColumn;
    @FXML private TableColumn<Integer, String> pidColumn;
    @FXML private TableColumn<Integer, String> tidColumn;
    @FXML private TableColumn<Integer, String> providerColumn;
    @FXML private TableColumn<Integer, String> upcallColumn;
    @FXML private TableColumn<Integer, String> argumentsColumn;
    @FXML private TableColumn<Integer, String> resultColumn;
    @FXML private TableColumn<Integer, String> errorColumn;
    @FXML private TableColumn<Integer, String> durationColumn;
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
        setUpFilterBar();
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
        sortKeys.putAll(Map.of(numberColumn, SortKey.NUMBER, timeColumn, SortKey.TIME, processColumn,
                SortKey.PROCESS, pidColumn, SortKey.PID, tidColumn, SortKey.TID, providerColumn, SortKey.PROVIDER,
                upcallColumn, SortKey.UPCALL, resultColumn, SortKey.RESULT, errorColumn, SortKey.ERROR,
                durationColumn, SortKey.DURATION));
        eventTable.setSortPolicy(table -> {
            model.orderProperty().set(orderOf(table.getSortOrder()));
            return true;
        });
        for (TableColumn<Integer, ?> column : eventTable.getColumns()) {
            CheckMenuItem shown = new CheckMenuItem(column.getText());
            shown.selectedProperty().bindBidirectional(column.visibleProperty());
            columnsButton.getItems().add(shown);
        }
        column(numberColumn, row -> Integer.toString(row + 1), null);
        column(timeColumn, row -> model.format().time(row), null);
        column(processColumn, row -> model.events().processName(row),
                (filter, row) -> filter.withProcess(model.events().processName(row)));
        column(pidColumn, row -> Integer.toString(model.events().pid(row)),
                (filter, row) -> filter.withProcess(Integer.toString(model.events().pid(row))));
        column(tidColumn, row -> Integer.toString(model.events().tid(row)),
                (filter, row) -> filter.withThread(model.events().tid(row)));
        column(providerColumn, row -> EventText.providerLabel(model.events().providerName(row)),
                (filter, row) -> filter.withProvider(model.events().providerName(row)));
        column(upcallColumn, row -> model.format().upcall(row),
                (filter, row) -> filter.withUpcall(model.events().upcall(row)));
        column(argumentsColumn, row -> model.format().arguments(row), (filter, row) -> {
            long socket = model.format().socket(row);
            return socket == -1 ? filter : filter.withSocket(socket);
        });
        column(resultColumn, row -> model.format().result(row), null);
        column(errorColumn, row -> model.format().error(row), (filter, row) -> filter.withErrorsOnly(true));
        column(durationColumn, row -> model.format().duration(row), null);
        eventTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && model.format().failed(row));
            }
        });
    }

    /** The order the table's first sort column asks for, or null (capture order) when none. */
    private RowOrder orderOf(List<TableColumn<Integer, ?>> sortOrder) {
        if (sortOrder.isEmpty()) {
            return null;
        }
        TableColumn<Integer, ?> first = sortOrder.get(0);
        return new RowOrder(sortKeys.get(first), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    /**
     * Restores which event columns are shown and their widths from {@code preferences}, and remembers
     * every later change there.
     */
    public void rememberColumns(UserPreferences preferences) {
        for (TableColumn<Integer, ?> column : eventTable.getColumns()) {
            String key = "traffic.column." + column.getId();
            column.setVisible(preferences.flag(key + ".visible", column.isVisible()));
            column.setPrefWidth(preferences.number(key + ".width", column.getPrefWidth()));
            column.visibleProperty().addListener((obs, old, shown) -> preferences.setFlag(key + ".visible", shown));
            column.widthProperty().addListener((obs, old, width) -> preferences.setNumber(key + ".width",
                    width.doubleValue()));
        }
    }

    /**
     * A text column computed from the row number; with {@code refine} its cells offer
     * "Filter on this value", which narrows the current filter by the clicked cell.
     */
    private void column(TableColumn<Integer, String> column, IntFunction<String> text,
                        BiFunction<TrafficFilter, Integer, TrafficFilter> refine) {
        Cells.text(column, text::apply);
        column.setCellFactory(c -> {
            TableCell<Integer, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty ? null : value);
                }
            };
            if (refine != null) {
                MenuItem item = new MenuItem("Filter on this value");
                item.setOnAction(event -> {
                    Integer row = cell.getTableRow().getItem();
                    if (row != null) {
                        model.filterProperty().set(refine.apply(model.filterProperty().get(), row));
                    }
                });
                item.disableProperty().bind(cell.emptyProperty());
                cell.setContextMenu(new ContextMenu(item));
            }
            return cell;
        });
    }

    private void setUpFilterBar() {
        upcallBox.getItems().add(null);
        upcallBox.getItems().addAll(Upcall.values());
        upcallBox.setButtonCell(upcallCell());
        upcallBox.setCellFactory(list -> upcallCell());
        processField.textProperty().addListener((obs, old, text) -> applyFields());
        threadField.textProperty().addListener((obs, old, text) -> applyFields());
        providerField.textProperty().addListener((obs, old, text) -> applyFields());
        socketField.textProperty().addListener((obs, old, text) -> applyFields());
        searchField.textProperty().addListener((obs, old, text) -> applyFields());
        upcallBox.valueProperty().addListener((obs, old, value) -> applyFields());
        errorsOnlyBox.selectedProperty().addListener((obs, old, value) -> applyFields());
        model.filterProperty().addListener((obs, old, filter) -> showFilter(filter));
    }

    private static ListCell<Upcall> upcallCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Upcall upcall, boolean empty) {
                super.updateItem(upcall, empty);
                setText(empty ? null : upcall == null ? "any" : upcall.apiName());
            }
        };
    }

    private void applyFields() {
        if (updatingFilterFields) {
            return;
        }
        model.filterProperty().set(TrafficFilter.of(processField.getText(), FilterFields.thread(threadField.getText()),
                upcallBox.getValue(), providerField.getText(), FilterFields.socket(socketField.getText()),
                errorsOnlyBox.isSelected(), searchField.getText()).withOnly(model.filterProperty().get().only()));
    }

    /** Shows a filter set from elsewhere (a context menu, a panel) in the fields. */
    private void showFilter(TrafficFilter filter) {
        updatingFilterFields = true;
        try {
            processField.setText(filter.process());
            threadField.setText(filter.thread() == null ? "" : filter.thread().toString());
            upcallBox.setValue(filter.upcall());
            providerField.setText(filter.provider());
            socketField.setText(filter.socket() == null ? "" : EventFormat.hex(filter.socket()));
            errorsOnlyBox.setSelected(filter.errorsOnly());
            searchField.setText(filter.text());
            onlyLabel.setText(filter.only() == null ? "" : "Showing: " + filter.only().label());
            Nodes.setShown(onlyLabel, filter.only() != null);
        } finally {
            updatingFilterFields = false;
        }
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
                upcallNamed(count.name()).ifPresent(u -> model.filterProperty().set(TrafficFilter.NONE.withUpcall(u)));
            }
        });
        rateChart.getData().add(rateSeries);
        model.rateHistory().addListener((javafx.collections.ListChangeListener<Double>) change -> drawRate());
    }

    private static java.util.Optional<Upcall> upcallNamed(String apiName) {
        return java.util.Arrays.stream(Upcall.values()).filter(u -> u.apiName().equals(apiName)).findFirst();
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
     * calls it on every pulse.
     */
    public void advanceFrame(long now) {
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
