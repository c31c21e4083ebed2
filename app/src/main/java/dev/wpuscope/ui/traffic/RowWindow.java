package dev.wpuscope.ui.traffic;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The rows of the event table that fit on screen: {@code capacity} rows of {@link RowIndexList} from
 * {@link #topProperty() top}. The TableView is given only these, so its layout costs the same for a hundred
 * rows as for ten million (JavaFX 21's VirtualFlow walks every row above its viewport on each layout pass).
 * <p>
 * When it follows the end (capture order with auto-scroll), a window that shows the last row moves with new
 * rows, like a terminal; scrolling up stops that until the last row is shown again.
 */
public final class RowWindow {
    private final RowIndexList rows;
    private final ObservableList<Integer> shown = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper top = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper();
    private int[] shownRows = new int[0];
    private int capacity = 1;
    private boolean followEnd = true;
    private boolean atEnd = true;

    public RowWindow(RowIndexList rows) {
        this.rows = rows;
        rows.addListener((ListChangeListener<Integer>) change -> rowsChanged());
    }

    /** The row numbers on screen, for the TableView's items. */
    public ObservableList<Integer> shownRows() {
        return shown;
    }

    /** Index in {@link RowIndexList} of the first row on screen. */
    public ReadOnlyIntegerProperty topProperty() {
        return top.getReadOnlyProperty();
    }

    /** How many rows the whole list has (the scroll range). */
    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public int top() {
        return top.get();
    }

    public int capacity() {
        return capacity;
    }

    /** The largest useful top: the one that shows the last row at the bottom. */
    public int maxTop() {
        return Math.max(0, rows.size() - capacity);
    }

    /** Whether the last row is on screen. */
    public boolean showsEnd() {
        return top.get() >= maxTop();
    }

    /** Sets how many rows fit on screen (at least one). */
    public void setCapacity(int rowsOnScreen) {
        int wanted = Math.max(1, rowsOnScreen);
        if (wanted != capacity) {
            capacity = wanted;
            place(atEnd && followEnd ? maxTop() : top.get());
        }
    }

    /** Whether the window follows new rows while it shows the end; turning it on moves to the end. */
    public void setFollowEnd(boolean follow) {
        followEnd = follow;
        if (follow) {
            scrollTo(maxTop());
        }
    }

    /** Shows the rows from {@code index} (clamped to the list). */
    public void scrollTo(int index) {
        place(index);
        atEnd = showsEnd();
    }

    public void scrollBy(int delta) {
        scrollTo((int) Math.max(0, Math.min(Integer.MAX_VALUE, (long) top.get() + delta)));
    }

    /** Scrolls as little as needed to show the row at {@code index}. */
    public void reveal(int index) {
        if (index < top.get()) {
            scrollTo(index);
        } else if (index >= top.get() + capacity) {
            scrollTo(index - capacity + 1);
        }
    }

    /** Index in the whole list of the row number {@code row}, or -1: looked for on screen first. */
    public int indexOf(int row) {
        for (int i = 0; i < shownRows.length; i++) {
            if (shownRows[i] == row) {
                return top.get() + i;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.rowAt(i) == row) {
                return i;
            }
        }
        return -1;
    }

    /** The row number at {@code index} of the whole list. */
    public int rowAt(int index) {
        return rows.rowAt(index);
    }

    public int rowCount() {
        return rows.size();
    }

    private void rowsChanged() {
        size.set(rows.size());
        if (rows.isEmpty()) {
            atEnd = true;
        }
        place(atEnd && followEnd ? maxTop() : top.get());
    }

    private void place(int wantedTop) {
        int first = Math.max(0, Math.min(wantedTop, maxTop()));
        int count = Math.min(capacity, rows.size() - first);
        int[] now = new int[count];
        for (int i = 0; i < count; i++) {
            now[i] = rows.rowAt(first + i);
        }
        top.set(first);
        if (!Arrays.equals(now, shownRows)) {
            shownRows = now;
            shown.setAll(Arrays.stream(now).boxed().toList());
        }
    }
}
