package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.RowKind;
import dev.wpuscope.ui.Nodes;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;

/**
 * The filter bar of the Live Traffic view: its fields make the {@link TrafficFilter}, and a filter set from elsewhere
 * (a cell's menu, a panel row) shows in its fields. "Calls" chooses downcalls, upcalls or both; "Function" one upcall
 * or downcall function.
 */
final class FilterBar {
    private final ObjectProperty<TrafficFilter> filter;
    private final ComboBox<RowKind> kindBox;
    private final TextField processField;
    private final TextField threadField;
    private final ComboBox<Enum<?>> functionBox;
    private final TextField providerField;
    private final TextField socketField;
    private final CheckBox errorsOnlyBox;
    private final TextField searchField;
    private final Label onlyLabel;
    private boolean showing;

    FilterBar(ObjectProperty<TrafficFilter> filter, ComboBox<RowKind> kindBox, TextField processField,
              TextField threadField, ComboBox<Enum<?>> functionBox, TextField providerField, TextField socketField,
              CheckBox errorsOnlyBox, TextField searchField, Label onlyLabel) {
        this.filter = filter;
        this.kindBox = kindBox;
        this.processField = processField;
        this.threadField = threadField;
        this.functionBox = functionBox;
        this.providerField = providerField;
        this.socketField = socketField;
        this.errorsOnlyBox = errorsOnlyBox;
        this.searchField = searchField;
        this.onlyLabel = onlyLabel;
        kindBox.getItems().setAll(null, RowKind.DOWNCALL, RowKind.UPCALL);
        kindBox.setButtonCell(kindCell());
        kindBox.setCellFactory(list -> kindCell());
        functionBox.getItems().add(null);
        functionBox.getItems().addAll(Downcall.values());
        functionBox.getItems().addAll(Upcall.values());
        functionBox.setButtonCell(functionCell());
        functionBox.setCellFactory(list -> functionCell());
        for (TextField field : new TextField[] {processField, threadField, providerField, socketField, searchField}) {
            field.textProperty().addListener((obs, old, text) -> apply());
        }
        kindBox.valueProperty().addListener((obs, old, value) -> apply());
        functionBox.valueProperty().addListener((obs, old, value) -> apply());
        errorsOnlyBox.selectedProperty().addListener((obs, old, value) -> apply());
        filter.addListener((obs, old, now) -> show(now));
    }

    /** {@code WSPSocket}, {@code WPUPostMessage}, or "any". */
    static String functionName(Enum<?> function) {
        if (function instanceof Upcall u) {
            return u.apiName();
        }
        return function instanceof Downcall d ? d.apiName() : "any";
    }

    private static ListCell<Enum<?>> functionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Enum<?> function, boolean empty) {
                super.updateItem(function, empty);
                setText(empty ? null : functionName(function));
            }
        };
    }

    private static ListCell<RowKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RowKind kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty ? null : kind == null ? "all calls" : kind.label() + "s");
            }
        };
    }

    private void apply() {
        if (showing) {
            return;
        }
        filter.set(TrafficFilter.of(kindBox.getValue(), processField.getText(),
                FilterFields.thread(threadField.getText()), functionBox.getValue(), providerField.getText(),
                FilterFields.socket(socketField.getText()), errorsOnlyBox.isSelected(), searchField.getText())
                .withOnly(filter.get().only()));
    }

    /** Shows a filter set from elsewhere (a context menu, a panel) in the fields. */
    private void show(TrafficFilter shown) {
        showing = true;
        try {
            kindBox.setValue(shown.kind());
            processField.setText(shown.process());
            threadField.setText(shown.thread() == null ? "" : shown.thread().toString());
            functionBox.setValue(shown.function());
            providerField.setText(shown.provider());
            socketField.setText(shown.socket() == null ? "" : EventFormat.hex(shown.socket()));
            errorsOnlyBox.setSelected(shown.errorsOnly());
            searchField.setText(shown.text());
            onlyLabel.setText(shown.only() == null ? "" : "Showing: " + shown.only().label());
            Nodes.setShown(onlyLabel, shown.only() != null);
        } finally {
            showing = false;
        }
    }
}
