package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.NamespaceProvider;
import java.util.List;

/** Namespace providers (both bitnesses) added, removed and changed between two snapshots. */
public record NamespaceDiff(List<NamespaceProvider> added, List<NamespaceProvider> removed,
                            List<NamespaceChange> changed) {

    public NamespaceDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
