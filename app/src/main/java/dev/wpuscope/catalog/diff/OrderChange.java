package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.CatalogEntry;

/**
 * An entry present in both snapshots that moved relative to the others in provider order.
 *
 * @param entry          the entry as it is in the second snapshot
 * @param positionBefore 1-based position in the first snapshot's provider order
 * @param positionAfter  1-based position in the second snapshot's provider order
 */
public record OrderChange(CatalogEntry entry, int positionBefore, int positionAfter) {
}
