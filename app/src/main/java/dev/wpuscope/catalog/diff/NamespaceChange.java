package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.NamespaceProvider;
import java.util.List;

/** A namespace provider in both snapshots whose fields differ. */
public record NamespaceChange(NamespaceProvider before, NamespaceProvider after, List<FieldChange> fields) {

    public NamespaceChange {
        fields = List.copyOf(fields);
    }
}
