package dev.wpuscope.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Small helpers for table columns whose values are computed from the row object. */
public final class Cells {

    private Cells() {
    }

    /** Shows {@code text(row)} in the column. */
    public static <S> void text(TableColumn<S, String> column, Function<S, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    /** Shows a value that sorts by its own order (numbers sort as numbers). */
    public static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }
}
