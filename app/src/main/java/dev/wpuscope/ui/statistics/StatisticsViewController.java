package dev.wpuscope.ui.statistics;

import dev.wpuscope.trace.analysis.CallStatistics;
import dev.wpuscope.trace.analysis.CallStatistics.FunctionStatistics;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.Daemons;
import dev.wpuscope.ui.Nodes;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * Controller of StatisticsView.fxml: per downcall function and upcall, how often it was called, how often it failed,
 * and its median, 99th percentile and longest duration ({@link CallStatistics}). While on screen, the figures are read
 * on a background thread twice a second (the percentiles sort the durations); numbers sort as numbers. Double-clicking a function (or
 * Enter on it) asks for its calls in Live Traffic.
 */
public final class StatisticsViewController {
    private static final long REFRESH_NANOS = 500_000_000L;

    private final Executor reader = Daemons.singleThread("wpuscope-statistics");
    private final AtomicReference<Read> finishedRead = new AtomicReference<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advanceFrame(now);
        }
    };
    private CallStatistics statistics;
    private boolean reading;
    private long lastRead;
    private Consumer<String> showCalls = name -> { };

    /** The figures read from {@code source}. */
    private record Read(CallStatistics source, List<FunctionStatistics> figures) {
    }

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private TableView<FunctionStatistics> statisticsTable;
    @FXML private TableColumn<FunctionStatistics, String> functionColumn;
    @FXML private TableColumn<FunctionStatistics, String> kindColumn;
    @FXML private TableColumn<FunctionStatistics, Long> callsColumn;
    @FXML private TableColumn<FunctionStatistics, Long> failuresColumn;
    @FXML private TableColumn<FunctionStatistics, Double> failedShareColumn;
    @FXML private TableColumn<FunctionStatistics, Long> p50Column;
    @FXML private TableColumn<FunctionStatistics, Long> p99Column;
    @FXML private TableColumn<FunctionStatistics, Long> maxColumn;

    @FXML
    private void initialize() {
        Cells.text(functionColumn, FunctionStatistics::name);
        Cells.text(kindColumn, f -> f.downcall() ? "downcall" : "upcall");
        Cells.value(callsColumn, FunctionStatistics::calls);
        Cells.value(failuresColumn, FunctionStatistics::failures);
        Cells.value(failedShareColumn, f -> f.calls() == 0 ? 0.0 : 100.0 * f.failures() / f.calls());
        formatted(failedShareColumn, share -> String.format("%.1f %%", share));
        for (TableColumn<FunctionStatistics, Long> column : List.of(p50Column, p99Column, maxColumn)) {
            formatted(column, StatisticsViewController::micros);
        }
        Cells.value(p50Column, FunctionStatistics::p50Nanos);
        Cells.value(p99Column, FunctionStatistics::p99Nanos);
        Cells.value(maxColumn, FunctionStatistics::maxNanos);
        statisticsTable.setPlaceholder(new Label("No calls yet."));
        statisticsTable.setRowFactory(table -> {
            TableRow<FunctionStatistics> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    showCalls.accept(row.getItem().name());
                }
            });
            return row;
        });
        statisticsTable.setOnKeyPressed(event -> {
            FunctionStatistics selected = statisticsTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                showCalls.accept(selected.name());
            }
        });
        frames.start();
    }

    /** Shows {@code value} in {@code column} as {@code text} writes it (the value still sorts). */
    private static <T> void formatted(TableColumn<FunctionStatistics, T> column, Function<T, String> text) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : text.apply(value));
            }
        });
    }

    /** Nanoseconds as microseconds with one decimal: {@code 12.3 µs}. */
    static String micros(long nanos) {
        return String.format("%d.%d µs", nanos / 1000, nanos % 1000 / 100);
    }

    /** Shows the figures of {@code shown} (the analysis of the capture Live Traffic shows). */
    public void show(CallStatistics shown) {
        statistics = shown;
        statisticsTable.getItems().clear();
        lastRead = 0;
        refresh();
    }

    /** {@code show} is called with a function's name when it is double-clicked. */
    public void setShowCalls(Consumer<String> show) {
        showCalls = show;
    }

    /** One frame: shows a finished read; twice a second starts the next. */
    void advanceFrame(long now) {
        Read done = finishedRead.getAndSet(null);
        if (done != null) {
            reading = false;
        }
        if (done != null && done.source() == statistics) {
            List<FunctionStatistics> read = done.figures();
            if (!new HashSet<>(read).equals(new HashSet<>(statisticsTable.getItems()))) {
                FunctionStatistics selected = statisticsTable.getSelectionModel().getSelectedItem();
                statisticsTable.getItems().setAll(read);
                statisticsTable.sort();
                read.stream().filter(f -> selected != null && f.name().equals(selected.name())).findFirst()
                        .ifPresent(f -> statisticsTable.getSelectionModel().select(f));
            }
            title.setText("Per function (" + read.size() + ")");
        }
        if (now - lastRead >= REFRESH_NANOS && Nodes.isShowing(root)) {
            lastRead = now;
            refresh();
        }
    }

    private void refresh() {
        CallStatistics read = statistics;
        if (read == null || reading) {
            return;
        }
        reading = true;
        reader.execute(() -> finishedRead.set(new Read(read, read.functions())));
    }

    public TableView<FunctionStatistics> table() {
        return statisticsTable;
    }

    public void stop() {
        frames.stop();
    }
}
