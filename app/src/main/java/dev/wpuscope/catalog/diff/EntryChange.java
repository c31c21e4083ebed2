package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.List;

/**
 * An entry present in both snapshots whose fields differ.
 *
 * @param before the entry in the first snapshot
 * @param after  the entry in the second snapshot
 * @param fields the fields that differ (the chain among them when its links differ)
 */
public record EntryChange(CatalogEntry before, CatalogEntry after, List<FieldChange> fields) {

    public EntryChange {
        fields = List.copyOf(fields);
    }
}
