package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.ui.Cells;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A tab with one analyzer's rows (handle contexts, blocking callbacks, ...). Selecting a row asks for its
 * events to be shown in the event table.
 */
final class AnalysisPanel<T> {
    private final Tab tab;
    private final TableView<T> table = new TableView<>();
    private final String title;
    private final Function<TraceAnalysis, List<T>> rows;
    /** Rows read but not shown yet (the tab was not selected). */
    private List<T> pending;

    AnalysisPanel(String title, String emptyText, List<PanelColumn<T>> columns,
                  Function<TraceAnalysis, List<T>> rows, Function<T, TrafficFilter> eventsOf,
                  Consumer<TrafficFilter> showEvents) {
        this.title = title;
        this.rows = rows;
        for (PanelColumn<T> spec : columns) {
            TableColumn<T, String> column = new TableColumn<>(spec.title());
            column.setPrefWidth(spec.width());
            Cells.text(column, spec.text());
            table.getColumns().add(column);
        }
        table.setPlaceholder(new Label(emptyText));
        table.getStyleClass().add("panel-table");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                showEvents.accept(eventsOf.apply(row));
            }
        });
        tab = new Tab(title, table);
        tab.selectedProperty().addListener((obs, was, selectedNow) -> {
            if (selectedNow) {
                showPending();
            }
        });
        tab.setId(title.replaceAll("[^A-Za-z]", "") + "Panel");
    }

    /** The analyzer's rows now; safe to call off the FX thread (the analyzers are thread-safe). */
    List<T> read(TraceAnalysis analysis) {
        return analysis == null ? List.of() : rows.apply(analysis);
    }

    /**
     * Shows rows read by {@link #read}: the count in the tab's title at once, the rows themselves when the tab
     * is (or gets) selected, so panels out of sight cost nothing per refresh. Keeps the selection where the
     * same row is still there.
     */
    @SuppressWarnings("unchecked")
    void show(List<?> read) {
        pending = (List<T>) read;
        tab.setText(title + " (" + read.size() + ")");
        if (tab.isSelected()) {
            showPending();
        }
    }

    private void showPending() {
        if (pending == null) {
            return;
        }
        T selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(pending);
        pending = null;
        if (selected != null && table.getItems().contains(selected)) {
            table.getSelectionModel().select(selected);
        }
    }

    Tab tab() {
        return tab;
    }

    TableView<T> table() {
        return table;
    }
}
