package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.diagnose.Severity;
import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownBreakage;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.known.KnownProduct;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.Daemons;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.ProviderFileDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.application.Platform;
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
    private final ObjectProperty<FirstLook> firstLook = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObservableList<NamespaceRow> namespaces = FXCollections.observableArrayList();
    private final ObservableList<DetailRow> details = FXCollections.observableArrayList();
    private final ObjectProperty<List<ChainTreeNode>> tree = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<EntryRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<DiffRow> diffRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper("Compare");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper findingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diagnosisSummary = new ReadOnlyStringWrapper("Diagnostics");
    private final DllDetailsCache dllDetails;
    private final KnownLsps known = KnownLsps.standard();
    private Diagnosis diagnosis;
    private boolean example;

    /** A model that reads DLL details on a background thread and shows them on the FX thread. */
    public CatalogViewModel() {
        this(Daemons.singleThread("dll-details"), Platform::runLater);
    }

    /**
     * @param background where provider DLLs are read
     * @param fxThread   where their details are shown
     */
    public CatalogViewModel(Executor background, Executor fxThread) {
        this.dllDetails = new DllDetailsCache(background, fxThread);
        selected.addListener((obs, old, row) -> showDetails(row));
        selectedFinding.addListener((obs, old, finding) -> showFinding(finding));
    }

    /**
     * Shows a snapshot and its diagnosis; {@code files} reads the entries' DLLs when they are on this machine
     * (the live catalog), else says why not; {@code example} marks data the project made up, so the view can
     * label it.
     */
    public void show(CatalogSnapshot shown, Diagnosis shownDiagnosis, ProviderFileCheck files, boolean isExample) {
        this.example = isExample;
        this.diagnosis = shownDiagnosis;
        selected.set(null);
        dllDetails.reset(files);
        selectedFinding.set(null);
        findings.setAll(shownDiagnosis.findings());
        diffRows.clear();
        diffTitle.set("Compare");
        diagnosisSummary.set(summary(shownDiagnosis));
        List<EntryRow> rows = new ArrayList<>();
        for (Bitness bitness : Bitness.values()) {
            shown.catalog(bitness).ifPresent(catalog -> addRows(catalog, rows));
        }
        entries.setAll(rows);
        namespaces.setAll(shown.namespaceProviders().stream().map(NamespaceRow::new).toList());
        tree.set(ChainTree.of(shown, rows, known));
        snapshot.set(shown);
        sourceLabel.set((isExample ? "Example: " : "") + shown.kind().label() + " — " + shown.location());
        firstLook.set(FirstLook.of(shown, shownDiagnosis, RecognisedLsp.of(shown, known)));
    }

    private static String summary(Diagnosis diagnosis) {
        if (diagnosis.findings().isEmpty()) {
            return "Diagnostics (no findings)";
        }
        List<String> parts = new ArrayList<>();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            int n = diagnosis.withSeverity(severity).size();
            if (n > 0) {
                String noun = severity == Severity.INFO ? "note" : severity.label().toLowerCase();
                parts.add(n + " " + noun + (n == 1 ? "" : "s"));
            }
        }
        return "Diagnostics (" + String.join(", ", parts) + ")";
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
        details.setAll(detailRows(row, dllRows(row)));
        selectionSummary.set(row.bitness().label() + " entry " + row.idText() + ": " + EntryLabels.name(row.entry()));
    }

    /** The entry's fields, its DLL's rows right after the DLL path, and the findings about it. */
    private List<DetailRow> detailRows(EntryRow row, List<DetailRow> dll) {
        Map<UUID, Integer> categories = snapshot.get() == null ? Map.of() : snapshot.get().lspCategories();
        List<DetailRow> rows = new ArrayList<>(EntryDetails.of(row, categories));
        rows.addAll(2, productRows(row));
        int path = 0;
        while (!rows.get(path).name().equals(EntryDetails.PROVIDER_DLL)) {
            path++;
        }
        rows.addAll(path + 1, dll);
        List<String> about = findings.stream().filter(f -> concerns(f, row))
                .map(f -> f.ruleId() + " " + f.severity().label() + ": " + f.title()).toList();
        rows.add(new DetailRow("Findings", about.isEmpty() ? "none" : String.join("\n", about)));
        return rows;
    }

    /** For an LSP's entries: the product it was recognised as, what that breaks and the fix. */
    private List<DetailRow> productRows(EntryRow row) {
        EntryType type = row.entry().info().entryType();
        if (type != EntryType.LAYERED && type != EntryType.CHAIN) {
            return List.of();
        }
        Optional<EntryMatch> match = known.match(row.entry());
        if (match.isEmpty()) {
            return List.of(new DetailRow("LSP product", "not a product wpuscope knows"));
        }
        KnownProduct product = match.get().product();
        List<DetailRow> rows = new ArrayList<>();
        rows.add(new DetailRow("LSP product", match.get().describe()));
        rows.add(new DetailRow("What it is", product.description() + " (source: " + product.aboutSource() + ")"));
        if (!product.breakages().isEmpty()) {
            rows.add(new DetailRow("Known to break", product.breakages().stream().map(KnownBreakage::describe)
                    .collect(java.util.stream.Collectors.joining("\n"))));
            rows.add(new DetailRow("Workaround", product.workarounds().isEmpty() ? product.noWorkaroundAdvice()
                    : String.join("\n", product.workarounds())));
        }
        return rows;
    }

    /**
     * The DLL rows as far as known now; when the file still has to be read, it is read in the background and
     * the details are shown again if the entry is still selected.
     */
    private List<DetailRow> dllRows(EntryRow row) {
        String path = row.entry().providerPath();
        if (path == null) {
            return DllDetails.unavailable("no DLL path in the source");
        }
        Optional<String> unavailable = dllDetails.unavailableReason();
        if (unavailable.isPresent()) {
            return DllDetails.unavailable(unavailable.get());
        }
        Optional<ProviderFileDetails> read = dllDetails.ifRead(path, row.bitness());
        if (read.isPresent()) {
            return DllDetails.of(read.get(), row.bitness());
        }
        dllDetails.request(path, row.bitness(), done -> {
            if (selected.get() == row) {
                details.setAll(detailRows(row, DllDetails.of(done, row.bitness())));
            }
        });
        return DllDetails.reading(path);
    }

    private void showFinding(Finding finding) {
        if (finding == null) {
            findingText.set("");
            return;
        }
        findingText.set(finding.title() + "\n" + finding.explanation() + "\nWhat to do: " + finding.remedy()
                + (finding.entries().isEmpty() ? "" : "\nEntries: " + finding.entries().stream()
                .map(EntryRef::toString).collect(java.util.stream.Collectors.joining("; "))));
        for (EntryRef ref : finding.entries()) {
            EntryRow row = ref.catalogEntryId() == null ? null : rowFor(ref.catalog(), ref.catalogEntryId());
            if (row != null) {
                selected.set(row);
                return;
            }
        }
    }

    /** Shows what changed from the open catalog to another one. */
    public void showDiff(SnapshotDiff diff) {
        diffRows.setAll(DiffRow.of(diff));
        diffTitle.set("Compare (" + diffRows.size() + (diffRows.size() == 1 ? " change)" : " changes)"));
    }

    public ObservableList<DiffRow> diffRows() {
        return diffRows;
    }

    /** "Compare (3 changes)" */
    public ReadOnlyStringProperty diffTitleProperty() {
        return diffTitle.getReadOnlyProperty();
    }

    /** Whether a finding is about this entry. */
    public static boolean concerns(Finding finding, EntryRow row) {
        return finding.entries().stream().anyMatch(ref -> ref.catalog() == row.bitness()
                && ref.catalogEntryId() != null && row.entry().id() != null
                && ref.catalogEntryId().intValue() == row.entry().id());
    }

    /** The entries the selected finding is about (highlighted in the table). */
    public boolean isLinkedToSelectedFinding(EntryRow row) {
        Finding finding = selectedFinding.get();
        return finding != null && concerns(finding, row);
    }

    /** Findings about the selected entry (highlighted in the diagnostics table). */
    public boolean isAboutSelectedEntry(Finding finding) {
        EntryRow row = selected.get();
        return row != null && concerns(finding, row);
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

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }

    /** The selected finding's title, explanation, remedy and entries. */
    public ReadOnlyStringProperty findingTextProperty() {
        return findingText.getReadOnlyProperty();
    }

    /** "Diagnostics (1 error, 2 warnings)" */
    public ReadOnlyStringProperty diagnosisSummaryProperty() {
        return diagnosisSummary.getReadOnlyProperty();
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

    /** The summary line, the recognised products and the source's caveats, shown before everything else. */
    public ObjectProperty<FirstLook> firstLookProperty() {
        return firstLook;
    }

    /** The open catalog's diagnosis; {@code null} before a catalog is shown. */
    public Diagnosis diagnosis() {
        return diagnosis;
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
