package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.UserPreferences;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The columns of the Live Traffic event table: each cell computed from the row number, "Filter on this value" on the
 * cells that have one, sorting through {@link SortKey}, the column chooser, and the Call column's nesting (indent,
 * a disclosure mark that collapses or expands a call; Left/Right on the selected call do the same).
 */
final class EventColumns {
    /** Indent per nesting level in the Call column, in pixels. */
    private static final double INDENT = 16;
    /** Marks the rows of failed calls (a pseudo-class: switching it costs no CSS selector matching). */
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("event-failed");
    /** Marks the rows of downcalls (calls into the provider), which nest upcalls. */
    private static final PseudoClass DOWNCALL = PseudoClass.getPseudoClass("downcall");

    private final TableView<Integer> table;
    private final TrafficViewModel model;
    private final RowWindow window;
    private final Map<TableColumn<Integer, ?>, SortKey> sortKeys = new HashMap<>();

    EventColumns(TableView<Integer> table, TrafficViewModel model, RowWindow window, MenuButton chooser) {
        this.table = table;
        this.model = model;
        this.window = window;
        for (TableColumn<Integer, ?> column : table.getColumns()) {
            CheckMenuItem shown = new CheckMenuItem(column.getText());
            shown.selectedProperty().bindBidirectional(column.visibleProperty());
            chooser.getItems().add(shown);
        }
        table.setSortPolicy(t -> {
            model.orderProperty().set(orderOf(t.getSortOrder()));
            return true;
        });
        fillColumns();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                boolean shown = !empty && row != null;
                pseudoClassStateChanged(FAILED, shown && model.format().failed(row));
                pseudoClassStateChanged(DOWNCALL, shown && model.events().store().isDowncall(row));
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::collapseByKey);
    }

    private void fillColumns() {
        column("numberColumn", SortKey.NUMBER, row -> Integer.toString(row + 1), null);
        column("timeColumn", SortKey.TIME, row -> model.format().time(row), null);
        column("processColumn", SortKey.PROCESS, row -> model.events().processName(row),
                (filter, row) -> filter.withProcess(model.events().processName(row)));
        column("pidColumn", SortKey.PID, row -> Integer.toString(model.events().pid(row)),
                (filter, row) -> filter.withProcess(Integer.toString(model.events().pid(row))));
        column("tidColumn", SortKey.TID, row -> Integer.toString(model.events().tid(row)),
                (filter, row) -> filter.withThread(model.events().tid(row)));
        column("providerColumn", SortKey.PROVIDER, row -> EventText.providerLabel(model.events().providerName(row)),
                (filter, row) -> filter.withProvider(model.events().providerName(row)));
        column("callColumn", SortKey.CALL, row -> model.format().call(row), null)
                .setCellFactory(c -> new CallCell());
        column("socketColumn", null, row -> EventText.socket(model.events().store(), row), this::bySocket);
        column("argumentsColumn", null, row -> model.format().arguments(row), this::bySocket);
        column("resultColumn", SortKey.RESULT, row -> model.format().result(row), null);
        column("errorColumn", SortKey.ERROR, row -> model.format().error(row),
                (filter, row) -> filter.withErrorsOnly(true));
        column("durationColumn", SortKey.DURATION, row -> model.format().duration(row), null);
    }

    private TrafficFilter bySocket(TrafficFilter filter, int row) {
        long socket = model.format().socket(row);
        return socket == -1 ? filter : filter.withSocket(socket);
    }

    /** The row's upcall or downcall function (null when this version does not know its number). */
    static Enum<?> functionOf(EventStore store, int row) {
        return store.isDowncall(row) ? store.downcall(row) : store.upcall(row);
    }

    /** The order the table's first sort column asks for, or null (capture order, nested) when none. */
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
    void remember(UserPreferences preferences) {
        for (TableColumn<Integer, ?> column : table.getColumns()) {
            String key = "traffic.column." + column.getId();
            column.setVisible(preferences.flag(key + ".visible", column.isVisible()));
            column.setPrefWidth(preferences.number(key + ".width", column.getPrefWidth()));
            column.visibleProperty().addListener((obs, old, shown) -> preferences.setFlag(key + ".visible", shown));
            column.widthProperty().addListener((obs, old, width) -> preferences.setNumber(key + ".width",
                    width.doubleValue()));
        }
    }

    /**
     * The text column {@code id}, computed from the row number and sorted by {@code key} (null: not sortable); with
     * {@code refine} its cells offer "Filter on this value", which narrows the current filter by the clicked cell.
     */
    @SuppressWarnings("unchecked")
    private TableColumn<Integer, String> column(String id, SortKey key, IntFunction<String> text,
                                                BiFunction<TrafficFilter, Integer, TrafficFilter> refine) {
        TableColumn<Integer, String> column = (TableColumn<Integer, String>) table.getColumns().stream()
                .filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("TrafficView.fxml has no column " + id));
        if (key != null) {
            sortKeys.put(column, key);
        }
        column.setSortable(key != null);
        Cells.text(column, text::apply);
        column.setCellFactory(c -> {
            TableCell<Integer, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty ? null : value);
                }
            };
            offerFilter(cell, refine);
            return cell;
        });
        return column;
    }

    private void offerFilter(TableCell<Integer, String> cell, BiFunction<TrafficFilter, Integer, TrafficFilter> refine) {
        if (refine == null) {
            return;
        }
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

    /** Left collapses the selected call, Right expands it. */
    private void collapseByKey(KeyEvent event) {
        Boolean collapse = switch (event.getCode()) {
            case LEFT, KP_LEFT -> true;
            case RIGHT, KP_RIGHT -> false;
            default -> null;
        };
        Integer row = model.selectedRowProperty().get();
        if (collapse == null || row == null || !model.hasNested(row) || collapse == model.isCollapsed(row)) {
            return;
        }
        event.consume();
        toggle(row);
    }

    private void toggle(int row) {
        int index = window.indexOf(row);
        if (index >= 0) {
            model.toggleCollapsed(index);
        }
    }

    /** The Call column's cell: indented by nesting depth, with ▾/▸ on a call that has calls nested in it. */
    private final class CallCell extends TableCell<Integer, String> {
        private final Label disclosure = new Label();

        CallCell() {
            disclosure.getStyleClass().add("call-disclosure");
            disclosure.setAlignment(Pos.CENTER_RIGHT);
            disclosure.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
                Integer row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && model.hasNested(row)) {
                    event.consume();
                    toggle(row);
                }
            });
            offerFilter(this, this::byFunction);
        }

        private TrafficFilter byFunction(TrafficFilter filter, int row) {
            return filter.withFunction(functionOf(model.events().store(), row));
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            Integer row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || value == null || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(value);
            boolean nested = model.hasNested(row);
            disclosure.setText(nested ? (model.isCollapsed(row) ? "▸" : "▾") : "");
            disclosure.setMinWidth(INDENT * (model.depth(row) + 1));
            disclosure.setPrefWidth(INDENT * (model.depth(row) + 1));
            setGraphic(disclosure);
        }
    }
}
