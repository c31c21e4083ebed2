package dev.wpuscope.ui.traffic;

/** One line of a counts table: a name (upcall or provider) and how many events it had. */
public record CountRow(String name, long count) {
}
