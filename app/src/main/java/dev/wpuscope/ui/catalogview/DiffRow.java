package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.diff.CatalogDiff;
import dev.wpuscope.catalog.diff.EntryChange;
import dev.wpuscope.catalog.diff.FieldChange;
import dev.wpuscope.catalog.diff.NamespaceChange;
import dev.wpuscope.catalog.diff.OrderChange;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One line of the diff view: what changed between the open catalog and the one compared with it. */
public record DiffRow(String catalog, String change, String subject, String details) {

    /** Every change of a snapshot diff, per catalog (added, removed, changed, moved), then namespaces. */
    public static List<DiffRow> of(SnapshotDiff diff) {
        List<DiffRow> rows = new ArrayList<>();
        for (CatalogDiff catalog : diff.catalogs()) {
            String label = catalog.bitness().label();
            if (catalog.inBefore() != catalog.inAfter()) {
                rows.add(new DiffRow(label, catalog.inAfter() ? "catalog added" : "catalog removed", "", ""));
            }
            catalog.added().forEach(e -> rows.add(new DiffRow(label, "added", name(e), "")));
            catalog.removed().forEach(e -> rows.add(new DiffRow(label, "removed", name(e), "")));
            for (EntryChange change : catalog.changed()) {
                rows.add(new DiffRow(label, "changed", name(change.after()), fields(change.fields())));
            }
            for (OrderChange move : catalog.moved()) {
                rows.add(new DiffRow(label, "moved", name(move.entry()),
                        "position " + move.positionBefore() + " → " + move.positionAfter()));
            }
        }
        diff.namespaces().added().forEach(p -> rows.add(new DiffRow("namespace", "added", EntryLabels.name(p), "")));
        diff.namespaces().removed().forEach(p -> rows.add(new DiffRow("namespace", "removed", EntryLabels.name(p), "")));
        for (NamespaceChange change : diff.namespaces().changed()) {
            rows.add(new DiffRow("namespace", "changed", EntryLabels.name(change.after()), fields(change.fields())));
        }
        return rows;
    }

    private static String name(CatalogEntry entry) {
        return (entry.id() == null ? "" : Integer.toUnsignedString(entry.id()) + "  ") + EntryLabels.name(entry);
    }

    private static String fields(List<FieldChange> fields) {
        return fields.stream().map(f -> f.field() + ": " + f.before() + " → " + f.after())
                .collect(Collectors.joining("; "));
    }
}
