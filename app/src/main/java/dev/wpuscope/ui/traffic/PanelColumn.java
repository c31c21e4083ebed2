package dev.wpuscope.ui.traffic;

import java.util.function.Function;

/** One column of an analysis panel: a title, a width, and the text of a row. */
record PanelColumn<T>(String title, double width, Function<T, String> text) {
}
