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

    AnalysisPanel(String title, String emptyText, List<PanelColumn<T>> columns,
                  Function<TraceAnalysis, List<T>> rows, Function<T, EventFilter> eventsOf,
                  Consumer<EventFilter> showEvents) {
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
        tab.setId(title.replaceAll("[^A-Za-z]", "") + "Panel");
    }

    /** The analyzer's rows now; safe to call off the FX thread (the analyzers are thread-safe). */
    List<T> read(TraceAnalysis analysis) {
        return analysis == null ? List.of() : rows.apply(analysis);
    }

    /** Shows rows read by {@link #read}; keeps the selection where the same row is still there. */
    @SuppressWarnings("unchecked")
    void show(List<?> read) {
        List<T> now = (List<T>) read;
        T selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(now);
        tab.setText(title + " (" + now.size() + ")");
        if (selected != null && now.contains(selected)) {
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
