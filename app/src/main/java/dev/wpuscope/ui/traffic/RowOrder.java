package dev.wpuscope.ui.traffic;

/** How the event table is sorted: by one column's key, ascending or descending; ties in capture order. */
public record RowOrder(SortKey key, boolean descending) {
}
