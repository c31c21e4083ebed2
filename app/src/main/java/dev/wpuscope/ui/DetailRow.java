package dev.wpuscope.ui;

/** One "field: decoded value" line of a detail pane. */
public record DetailRow(String name, String value) {
}
