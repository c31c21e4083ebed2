package dev.wpuscope.ui.catalog;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.DetailRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the Catalog view: the open snapshot, its rows and tree, the selected entry and its details. */
public final class CatalogViewModel {
    private final ObjectProperty<CatalogSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper sourceLabel = new ReadOnlyStringWrapper("no catalog");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObservableList<NamespaceRow> namespaces = FXCollections.observableArrayList();
    private final ObservableList<DetailRow> details = FXCollections.observableArrayList();
    private final ObjectProperty<List<ChainTreeNode>> tree = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<EntryRow> selected = new SimpleObjectProperty<>();
    private boolean example;

    public CatalogViewModel() {
        selected.addListener((obs, old, row) -> showDetails(row));
    }

    /** Shows a snapshot; {@code example} marks data the project made up, so the view can label it. */
    public void show(CatalogSnapshot shown, boolean isExample) {
        this.example = isExample;
        selected.set(null);
        List<EntryRow> rows = new ArrayList<>();
        for (Bitness bitness : Bitness.values()) {
            shown.catalog(bitness).ifPresent(catalog -> addRows(catalog, rows));
        }
        entries.setAll(rows);
        namespaces.setAll(shown.namespaceProviders().stream().map(NamespaceRow::new).toList());
        tree.set(ChainTree.of(shown, rows));
        snapshot.set(shown);
        sourceLabel.set((isExample ? "Example: " : "") + shown.kind().label() + " — " + shown.location());
        List<String> lines = new ArrayList<>(shown.limitations());
        lines.addAll(shown.warnings());
        notes.set(String.join("\n", lines));
    }

    private static void addRows(Catalog catalog, List<EntryRow> rows) {
        for (int i = 0; i < catalog.entries().size(); i++) {
            rows.add(new EntryRow(catalog, i + 1, catalog.entries().get(i)));
        }
    }

    private void showDetails(EntryRow row) {
        if (row == null) {
            details.clear();
            selectionSummary.set("");
            return;
        }
        Map<UUID, Integer> categories = snapshot.get() == null ? Map.of() : snapshot.get().lspCategories();
        details.setAll(EntryDetails.of(row, categories));
        selectionSummary.set(row.bitness().label() + " entry " + row.idText() + ": " + row.entry().displayName());
    }

    /** The row for an entry id in one catalog, if any. */
    public EntryRow rowFor(Bitness bitness, int catalogEntryId) {
        for (EntryRow row : entries) {
            if (row.bitness() == bitness && row.entry().id() != null && row.entry().id() == catalogEntryId) {
                return row;
            }
        }
        return null;
    }

    public boolean isExample() {
        return example;
    }

    public ObjectProperty<CatalogSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyStringProperty sourceLabelProperty() {
        return sourceLabel.getReadOnlyProperty();
    }

    /** What the source cannot tell and what was skipped while reading, one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ObservableList<EntryRow> entries() {
        return entries;
    }

    public ObservableList<NamespaceRow> namespaces() {
        return namespaces;
    }

    public ObservableList<DetailRow> details() {
        return details;
    }

    public ObjectProperty<List<ChainTreeNode>> treeProperty() {
        return tree;
    }

    public ObjectProperty<EntryRow> selectedProperty() {
        return selected;
    }
}
