package dev.wpuscope.ui;

import dev.wpuscope.ui.traffic.TrafficViewModel;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The main window's status bar: the source and selection of the view in front, and the live traffic's counters. */
final class StatusBar {
    private final Label source;
    private final Label selection;

    StatusBar(Label source, Label selection, Label events, Label rate, Label drops, TrafficViewModel traffic) {
        this.source = source;
        this.selection = selection;
        events.textProperty().bind(traffic.receivedProperty().asString("%,d"));
        rate.textProperty().bind(traffic.rateProperty().asString("%,.0f/s"));
        drops.textProperty().bind(traffic.dropsProperty().asString("%,d"));
        traffic.dropsProperty().addListener((obs, old, dropped) -> {
            drops.getStyleClass().remove("status-drops-nonzero");
            if (dropped.longValue() > 0) {
                drops.getStyleClass().add("status-drops-nonzero");
            }
        });
    }

    /** Shows the source and selection of the view now in front. */
    void showView(ObservableStringValue viewSource, ObservableStringValue viewSelection) {
        source.textProperty().unbind();
        selection.textProperty().unbind();
        source.textProperty().bind(viewSource);
        selection.textProperty().bind(viewSelection);
    }
}
