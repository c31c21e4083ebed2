package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.diagnose.Severity;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.repair.RepairRequest;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.FileDrop;
import dev.wpuscope.ui.Nodes;
import dev.wpuscope.ui.repairview.RepairRequests;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of CatalogView.fxml: the chain tree, entries and namespace tables, details and diagnostics. */
public final class CatalogViewController {
    private final CatalogViewModel model = new CatalogViewModel();
    private Consumer<Path> openRequest = path -> { };
    private Runnable chooseFileRequest = () -> { };
    private Runnable exampleRequest = () -> { };
    private BiConsumer<CatalogSnapshot, RepairRequest> repairRequest = (snapshot, request) -> { };
    private boolean syncingSelection;

    @FXML private StackPane root;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private HBox exampleBanner;
    @FXML private Label exampleText;
    @FXML private Label summaryLine;
    @FXML private VBox productCards;
    @FXML private Label unknownLsps;
    @FXML private TitledPane caveatsPane;
    @FXML private Label caveatsText;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane centerSplit;
    @FXML private TabPane centerTabs;
    @FXML private TabPane diagnosticsTabs;
    @FXML private TreeView<ChainTreeNode> chainTree;
    @FXML private TableView<EntryRow> entriesTable;
    @FXML private TableColumn<EntryRow, String> catalogColumn;
    @FXML private TableColumn<EntryRow, Integer> positionColumn;
    @FXML private TableColumn<EntryRow, String> idColumn;
    @FXML private TableColumn<EntryRow, String> nameColumn;
    @FXML private TableColumn<EntryRow, String> typeColumn;
    @FXML private TableColumn<EntryRow, String> chainColumn;
    @FXML private TableColumn<EntryRow, String> pathColumn;
    @FXML private TableView<NamespaceRow> namespaceTable;
    @FXML private TableColumn<NamespaceRow, String> nsCatalogColumn;
    @FXML private TableColumn<NamespaceRow, String> nsDisplayColumn;
    @FXML private TableColumn<NamespaceRow, String> nsNamespaceColumn;
    @FXML private TableColumn<NamespaceRow, String> nsEnabledColumn;
    @FXML private TableColumn<NamespaceRow, String> nsLibraryColumn;
    @FXML private TableColumn<NamespaceRow, String> nsIdColumn;
    @FXML private TableColumn<NamespaceRow, String> nsVersionColumn;
    @FXML private javafx.scene.control.Tab diagnosticsTab;
    @FXML private TableView<Finding> findingsTable;
    @FXML private TableColumn<Finding, String> severityColumn;
    @FXML private TableColumn<Finding, String> ruleColumn;
    @FXML private TableColumn<Finding, String> findingCatalogColumn;
    @FXML private TableColumn<Finding, String> titleColumn;
    @FXML private Label findingText;
    @FXML private Button repairFindingButton;
    @FXML private Label repairFindingHint;
    @FXML private javafx.scene.control.Tab diffTab;
    @FXML private TableView<DiffRow> diffTable;
    @FXML private TableColumn<DiffRow, String> diffCatalogColumn;
    @FXML private TableColumn<DiffRow, String> diffChangeColumn;
    @FXML private TableColumn<DiffRow, String> diffSubjectColumn;
    @FXML private TableColumn<DiffRow, String> diffDetailsColumn;
    @FXML private TableView<DetailRow> detailTable;
    @FXML private TableColumn<DetailRow, String> detailNameColumn;
    @FXML private TableColumn<DetailRow, String> detailValueColumn;

    @FXML
    private void initialize() {
        setUpEntriesTable();
        setUpNamespaceTable();
        setUpDetails();
        setUpTree();
        setUpFindings();
        setUpDiff();
        model.snapshotProperty().addListener((obs, old, snapshot) -> showState(snapshot));
        model.firstLookProperty().addListener((obs, old, look) -> showFirstLook(look));
        FileDrop.install(root, path -> openRequest.accept(path));
        showState(null);
    }

    private void setUpEntriesTable() {
        Cells.text(catalogColumn, row -> row.bitness().label());
        Cells.value(positionColumn, EntryRow::position);
        Cells.text(idColumn, EntryRow::idText);
        Cells.text(nameColumn, row -> EntryLabels.name(row.entry()));
        Cells.text(typeColumn, EntryRow::typeText);
        Cells.text(chainColumn, EntryRow::chainText);
        Cells.text(pathColumn, EntryRow::pathText);
        entriesTable.setItems(model.entries());
        entriesTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(EntryRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("missing-link", "finding-linked");
                if (!empty && row != null && row.hasMissingLink()) {
                    getStyleClass().add("missing-link");
                }
                if (!empty && row != null && model.isLinkedToSelectedFinding(row)) {
                    getStyleClass().add("finding-linked");
                }
                setContextMenu(empty || row == null ? null
                        : repairMenu(RepairRequests.forEntry(row.catalog(), row.entry())));
            }
        });
        entriesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection && row != null) {
                model.selectedProperty().set(row);
            }
        });
    }

    private void setUpFindings() {
        Cells.text(severityColumn, finding -> finding.severity().label());
        Cells.text(ruleColumn, Finding::ruleId);
        Cells.text(findingCatalogColumn, finding -> finding.entries().stream().map(EntryRef::catalog).distinct()
                .map(b -> b.label()).collect(java.util.stream.Collectors.joining(", ")));
        Cells.text(titleColumn, Finding::title);
        severityColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("severity-error", "severity-warning", "severity-info");
                if (!empty && text != null) {
                    getStyleClass().add("severity-" + text.toLowerCase());
                }
            }
        });
        findingsTable.setItems(model.findings());
        findingsTable.setPlaceholder(new Label("No findings: every rule passed on this catalog."));
        findingsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Finding finding, boolean empty) {
                super.updateItem(finding, empty);
                getStyleClass().remove("finding-linked");
                if (!empty && finding != null && model.isAboutSelectedEntry(finding)) {
                    getStyleClass().add("finding-linked");
                }
                setContextMenu(empty || finding == null ? null : repairMenu(repairFor(finding)));
            }
        });
        findingsTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, finding) -> model.selectedFindingProperty().set(finding));
        model.selectedFindingProperty().addListener((obs, old, finding) -> showFindingRepair(finding));
        model.selectedFindingProperty().addListener((obs, old, finding) -> entriesTable.refresh());
        model.selectedProperty().addListener((obs, old, row) -> findingsTable.refresh());
        String findingHint = findingText.getText();
        findingText.textProperty().bind(javafx.beans.binding.Bindings.when(model.findingTextProperty().isEmpty())
                .then(findingHint).otherwise(model.findingTextProperty()));
        diagnosticsTab.textProperty().bind(model.diagnosisSummaryProperty());
    }

    private void setUpDiff() {
        Cells.text(diffCatalogColumn, DiffRow::catalog);
        Cells.text(diffChangeColumn, DiffRow::change);
        Cells.text(diffSubjectColumn, DiffRow::subject);
        Cells.text(diffDetailsColumn, DiffRow::details);
        diffTable.setItems(model.diffRows());
        diffTable.setPlaceholder(new Label("Catalog › Compare With… (Ctrl+D) compares this catalog with another "
                + "(.reg, netsh or snapshot) and lists what was added, removed, changed or moved."));
        diffTab.textProperty().bind(model.diffTitleProperty());
    }

    private void setUpNamespaceTable() {
        Cells.text(nsCatalogColumn, NamespaceRow::catalogText);
        Cells.text(nsDisplayColumn, NamespaceRow::displayText);
        Cells.text(nsNamespaceColumn, NamespaceRow::namespaceText);
        Cells.text(nsEnabledColumn, NamespaceRow::enabledText);
        Cells.text(nsLibraryColumn, NamespaceRow::libraryText);
        Cells.text(nsIdColumn, NamespaceRow::providerIdText);
        Cells.text(nsVersionColumn, NamespaceRow::versionText);
        namespaceTable.setItems(model.namespaces());
        namespaceTable.setPlaceholder(new Label("This source lists no namespace providers."));
    }

    private void setUpDetails() {
        Cells.text(detailNameColumn, DetailRow::name);
        Cells.text(detailValueColumn, DetailRow::value);
        detailTable.setItems(model.details());
        detailTable.setPlaceholder(new Label("Select an entry to see every field decoded."));
        detailValueColumn.prefWidthProperty().bind(detailTable.widthProperty()
                .subtract(detailNameColumn.widthProperty()).subtract(4));
        model.selectedProperty().addListener((obs, old, row) -> selectInTable(row));
    }

    private void setUpTree() {
        chainTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(ChainTreeNode node, boolean empty) {
                super.updateItem(node, empty);
                getStyleClass().removeAll("missing-link", "severity-error");
                setText(empty || node == null ? null : node.label());
                if (!empty && node != null && (node.kind() == ChainTreeNode.Kind.MISSING_LINK
                        || node.entry() != null && node.entry().hasMissingLink())) {
                    getStyleClass().add("missing-link");
                }
                setContextMenu(empty || node == null || node.entry() == null ? null
                        : repairMenu(RepairRequests.forEntry(node.entry().catalog(), node.entry().entry())));
            }
        });
        model.treeProperty().addListener((obs, old, nodes) -> chainTree.setRoot(treeItems(nodes)));
        chainTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue().entry() != null) {
                model.selectedProperty().set(item.getValue().entry());
            }
        });
    }

    private static TreeItem<ChainTreeNode> treeItems(List<ChainTreeNode> nodes) {
        TreeItem<ChainTreeNode> root = new TreeItem<>(new ChainTreeNode("", ChainTreeNode.Kind.GROUP, null, nodes));
        nodes.forEach(node -> root.getChildren().add(treeItem(node, 0)));
        root.setExpanded(true);
        return root;
    }

    private static TreeItem<ChainTreeNode> treeItem(ChainTreeNode node, int depth) {
        TreeItem<ChainTreeNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(treeItem(child, depth + 1)));
        item.setExpanded(depth < 2);
        return item;
    }

    private void selectInTable(EntryRow row) {
        if (row == null) {
            return;
        }
        syncingSelection = true;
        try {
            EntryRow tableRow = model.rowFor(row.bitness(), row.entry().id() == null ? -1 : row.entry().id());
            if (tableRow != null) {
                entriesTable.getSelectionModel().select(tableRow);
                entriesTable.scrollTo(tableRow);
            }
        } finally {
            syncingSelection = false;
        }
    }

    private void showState(CatalogSnapshot snapshot) {
        boolean open = snapshot != null;
        Nodes.setShown(content, open);
        Nodes.setShown(emptyState, !open);
        boolean example = open && model.isExample();
        Nodes.setShown(exampleBanner, example);
        if (example) {
            exampleText.setText("Example catalog made up by the wpuscope project (resources/examples): invented "
                    + "LSPs \"Contoso Web Filter\" and \"Fabrikam Traffic Shaper\", and a broken chain left by "
                    + "\"Northwind VPN Helper\". It is not from a real machine.");
        }
    }

    /** The summary line, a card per recognised product (what it breaks, the fix), and the caveats line. */
    private void showFirstLook(FirstLook look) {
        summaryLine.setText(look.headline());
        summaryLine.getStyleClass().removeAll("worst-error", "worst-warning");
        model.findings().stream().map(Finding::severity).max(java.util.Comparator.naturalOrder())
                .filter(worst -> worst != Severity.INFO)
                .ifPresent(worst -> summaryLine.getStyleClass().add("worst-" + worst.label().toLowerCase()));
        productCards.getChildren().setAll(look.products().stream().map(this::card).toList());
        unknownLsps.setText(look.unknownLsps());
        Nodes.setShown(unknownLsps, !look.unknownLsps().isEmpty());
        caveatsPane.setText(look.caveatsTitle());
        caveatsText.setText(look.caveats());
        caveatsPane.setExpanded(false);
        Nodes.setShown(caveatsPane, !look.caveatsTitle().isEmpty());
    }

    private VBox card(FirstLook.ProductCard product) {
        Label title = label(product.title(), "product-title");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox heading = new HBox(8, title);
        RepairRequests.forLsps(model.snapshotProperty().get(), product.lsps()).ifPresent(request -> {
            Button repair = new Button("Repair…");
            repair.getStyleClass().add("product-repair");
            repair.setMinWidth(Button.USE_PREF_SIZE);
            repair.setOnAction(event -> repair(request));
            heading.getChildren().add(repair);
        });
        VBox card = new VBox(heading, label(product.basis(), "product-basis"));
        card.getStyleClass().add("product-card");
        product.breaks().forEach(line -> card.getChildren().add(label("Breaks: " + line, "product-breaks")));
        product.fixes().forEach(line -> card.getChildren().add(label("Fix: " + line, "product-fix")));
        return card;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    /** Repair… on a finding: its own repair, removing the LSP it is about, or none (the hint says so). */
    private void showFindingRepair(Finding finding) {
        Optional<RepairRequest> request = finding == null ? Optional.empty() : repairFor(finding);
        repairFindingButton.setDisable(request.isEmpty());
        repairFindingHint.setText(finding == null ? "" : request.map(RepairRequest::describe)
                .orElse("wpuscope has no repair for " + finding.ruleId() + ": it removes LSP entries, orphaned and"
                        + " broken chains, and fixes provider order"));
    }

    private Optional<RepairRequest> repairFor(Finding finding) {
        return RepairRequests.forFinding(model.snapshotProperty().get(), finding);
    }

    /** A context menu with Repair… for the request, or none when there is nothing to repair there. */
    private ContextMenu repairMenu(Optional<RepairRequest> request) {
        return request.map(r -> {
            MenuItem item = new MenuItem("Repair…");
            item.setOnAction(event -> repair(r));
            return new ContextMenu(item);
        }).orElse(null);
    }

    private void repair(RepairRequest request) {
        repairRequest.accept(model.snapshotProperty().get(), request);
    }

    @FXML
    private void repairFinding() {
        repairFor(findingsTable.getSelectionModel().getSelectedItem()).ifPresent(this::repair);
    }

    @FXML
    private void openFile() {
        chooseFileRequest.run();
    }

    @FXML
    private void openExample() {
        exampleRequest.run();
    }

    /** Shows a catalog that was read, with its diagnosis and the check that reads its DLLs (when on this machine). */
    public void show(CatalogSnapshot snapshot, Diagnosis diagnosis, ProviderFileCheck files, boolean example) {
        model.show(snapshot, diagnosis, files, example);
    }

    /** Shows the comparison of the open catalog with another one. */
    public void showDiff(SnapshotDiff diff) {
        model.showDiff(diff);
        centerTabs.getSelectionModel().select(diffTab);
    }

    public CatalogViewModel viewModel() {
        return model;
    }

    /** Where a dropped file goes, and what the empty state's buttons do. */
    public void setActions(Consumer<Path> open, Runnable chooseFile, Runnable openExampleCatalog) {
        this.openRequest = open;
        this.chooseFileRequest = chooseFile;
        this.exampleRequest = openExampleCatalog;
    }

    /** What Repair… does (on a finding, an entry or a product card): plan the request on the open catalog. */
    public void setRepairAction(BiConsumer<CatalogSnapshot, RepairRequest> repair) {
        this.repairRequest = repair;
    }

    public SplitPane mainSplit() {
        return mainSplit;
    }

    public SplitPane centerSplit() {
        return centerSplit;
    }
}
