package dev.wpuscope.ui.traffic;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Makes a TableView that holds only a {@link RowWindow} behave as a view of all the rows: a scroll bar
 * beside it spans the whole list, the mouse wheel and the navigation keys move the window, and the selection
 * is a row number ({@code selectedRow}) that stays selected while it scrolls off screen and back.
 * The table only displays that selection; clicks and keys change it.
 */
final class WindowedTable {
    private final TableView<Integer> table;
    private final ScrollBar bar;
    private final RowWindow window;
    private final ObjectProperty<Integer> selectedRow;
    private final double rowHeight;
    private Region viewport;
    private boolean updatingBar;
    private double wheelRows;

    WindowedTable(TableView<Integer> table, ScrollBar bar, RowWindow window, ObjectProperty<Integer> selectedRow,
                  double rowHeight) {
        this.table = table;
        this.bar = bar;
        this.window = window;
        this.selectedRow = selectedRow;
        this.rowHeight = rowHeight;
        table.setItems(window.shownRows());
        table.setFixedCellSize(rowHeight);
        bar.setManaged(false);
        bar.setUnitIncrement(1);
        bar.valueProperty().addListener((obs, old, value) -> {
            if (!updatingBar) {
                window.scrollTo((int) Math.round(value.doubleValue()));
            }
        });
        window.topProperty().addListener((obs, old, top) -> showPosition());
        window.sizeProperty().addListener((obs, old, size) -> showPosition());
        window.shownRows().addListener((javafx.collections.ListChangeListener<Integer>) change -> showSelection());
        selectedRow.addListener((obs, old, row) -> showSelection());
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, this::select);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::navigate);
        table.addEventFilter(ScrollEvent.SCROLL, this::scroll);
        bar.addEventFilter(ScrollEvent.SCROLL, this::scroll);
        showPosition();
    }

    /**
     * Sizes the window to the table's viewport and lays the scroll bar beside the viewport's rows, in the
     * room the container keeps at its right (the bar is unmanaged, so where it goes never feeds back into
     * the layout); called once per frame, cheap when nothing changed.
     */
    void fit() {
        if (viewport == null || viewport.getScene() == null) {
            viewport = (Region) table.lookup(".clipped-container");
            if (viewport == null) {
                return;
            }
        }
        if (viewport.getParent() instanceof VirtualFlow<?> flow && flow.getPosition() != 0) {
            flow.setPosition(0);
            flow.requestLayout();
        }
        window.setCapacity((int) Math.floor(viewport.getHeight() / rowHeight + 1e-6));
        Region box = (Region) bar.getParent();
        double width = Math.ceil(bar.prefWidth(-1));
        if (box.getPadding().getRight() != width) {
            box.setPadding(new Insets(0, width, 0, 0));
        }
        Bounds rows = box.sceneToLocal(viewport.localToScene(viewport.getLayoutBounds()));
        bar.resizeRelocate(box.getWidth() - width, rows.getMinY(), width, rows.getHeight());
        showPosition();
    }

    private void showPosition() {
        int maxTop = window.maxTop();
        int count = window.rowCount();
        updatingBar = true;
        try {
            bar.setMax(maxTop);
            bar.setVisibleAmount(count == 0 ? 0 : (double) maxTop * window.capacity() / count);
            bar.setBlockIncrement(Math.max(1, window.capacity() - 1));
            bar.setValue(window.top());
            bar.setDisable(maxTop == 0);
        } finally {
            updatingBar = false;
        }
    }

    /** Selects the row on screen that holds {@link #selectedRow}, or nothing when it is off screen. */
    private void showSelection() {
        Integer row = selectedRow.get();
        int at = row == null ? -1 : window.shownRows().indexOf(row);
        if (at < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != at) {
            table.getSelectionModel().clearAndSelect(at);
            table.getFocusModel().focus(at);
        }
    }

    /** A click selects its row; a Ctrl+click on the selected row keeps it (the table would deselect it). */
    private void select(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != table;
             node = node.getParent()) {
            if (node instanceof TableRow<?> row) {
                if (!row.isEmpty() && row.getItem() instanceof Integer number) {
                    if (event.isShortcutDown() && number.equals(selectedRow.get())) {
                        event.consume();
                    }
                    selectedRow.set(number);
                }
                return;
            }
        }
    }

    private void navigate(KeyEvent event) {
        int count = window.rowCount();
        int page = Math.max(1, window.capacity() - 1);
        Integer row = selectedRow.get();
        int current = row == null ? -1 : window.indexOf(row);
        int target = switch (event.getCode()) {
            case UP, KP_UP -> current < 0 ? window.top() : current - 1;
            case DOWN, KP_DOWN -> current < 0 ? window.top() : current + 1;
            case PAGE_UP -> current < 0 ? window.top() : current - page;
            case PAGE_DOWN -> current < 0 ? window.top() : current + page;
            case HOME -> 0;
            case END -> count - 1;
            default -> Integer.MIN_VALUE;
        };
        if (target == Integer.MIN_VALUE) {
            return;
        }
        event.consume();
        if (count == 0) {
            return;
        }
        int index = Math.max(0, Math.min(count - 1, target));
        selectedRow.set(window.rowAt(index));
        window.reveal(index);
    }

    private void scroll(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        event.consume();
        wheelRows -= switch (event.getTextDeltaYUnits()) {
            case LINES -> event.getTextDeltaY();
            case PAGES -> event.getTextDeltaY() * window.capacity();
            case NONE -> event.getDeltaY() / rowHeight;
        };
        int whole = (int) wheelRows;
        wheelRows -= whole;
        window.scrollBy(whole);
    }
}
