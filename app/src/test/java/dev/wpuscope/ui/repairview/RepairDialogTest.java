package dev.wpuscope.ui.repairview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.platform.Elevation;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.repair.CatalogRepair;
import dev.wpuscope.repair.RepairPlan;
import dev.wpuscope.repair.RepairPlanFile;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.catalogview.CatalogViewController;
import dev.wpuscope.ui.catalogview.ChainTreeNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Repair… in the Catalog view (headless Monocle) on the real Windows 10 export with Tencent's ierd_tgp_lsp: the
 * dialog shows the planner's removals per catalog and the diff before anything is done, saves the plan file the CLI
 * writes, shows a refusal's reasons, and offers Apply only for a live catalog.
 */
@ExtendWith(ApplicationExtension.class)
class RepairDialogTest {

    /** A machine without a live catalog, as on Linux. */
    private static final LiveCatalog NOT_WINDOWS = new LiveCatalog() {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("the live catalog needs Windows");
        }

        @Override
        public CatalogWriter writer() throws CatalogWriteException {
            throw new CatalogWriteException("not Windows");
        }

        @Override
        public Elevation elevation() {
            return () -> false;
        }
    };

    @TempDir
    Path temp;
    private CatalogViewController controller;
    private Dialog<Void> dialog;
    private Path planFile;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "catalogview/CatalogView.fxml", 1400, 770);
        RepairDialogController.Services services = new RepairDialogController.Services(
                new LiveRepair(NOT_WINDOWS, Path.of("unused")), (owner, name) -> Optional.of(planFile), () -> { });
        controller.setRepairAction((snapshot, request) -> dialog = RepairDialogController.open(stage, services,
                snapshot, request));
    }

    @AfterEach
    void closeDialog(FxRobot robot) {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
    }

    private CatalogSnapshot showWindows10(FxRobot robot) throws Exception {
        CatalogSnapshot snapshot = CatalogSources.read(ExampleFiles.sharedSample("reg/cingchun_bccc_winsock2.reg"));
        robot.interact(() -> controller.show(snapshot, ExampleFiles.diagnose(snapshot), ExampleFiles.OFFLINE_FILES,
                false));
        WaitForAsyncUtils.waitForFxEvents();
        return snapshot;
    }

    /**
     * Selects the first tree entry (depth first) whose label starts so, scrolls to it and chooses Repair… from its
     * context menu (fired: Monocle does not pop context menus up).
     */
    private void repairFromTree(FxRobot robot, String label) {
        TreeView<ChainTreeNode> tree = robot.lookup("#chainTree").queryAs(TreeView.class);
        TreeItem<ChainTreeNode> item = find(tree.getRoot(), label);
        assertNotNull(item, label + " is in the tree");
        robot.interact(() -> {
            tree.getSelectionModel().select(item);
            tree.scrollTo(tree.getRow(item));
        });
        WaitForAsyncUtils.waitForFxEvents();
        TreeCell<?> cell = robot.lookup((Node n) -> n instanceof TreeCell<?> c && c.getTreeItem() == item).query();
        MenuItem repair = cell.getContextMenu().getItems().get(0);
        assertEquals("Repair…", repair.getText());
        robot.interact(repair::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(dialog, "Repair… opened the dialog");
    }

    private static TreeItem<ChainTreeNode> find(TreeItem<ChainTreeNode> item, String label) {
        if (item.getValue().label().startsWith(label) && item.getValue().kind() == ChainTreeNode.Kind.ENTRY) {
            return item;
        }
        for (TreeItem<ChainTreeNode> child : item.getChildren()) {
            TreeItem<ChainTreeNode> found = find(child, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private <T extends Node> T inDialog(FxRobot robot, String id) {
        return robot.from(dialog.getDialogPane()).lookup(id).query();
    }

    private static List<Integer> ids(List<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::id).toList();
    }

    @Test
    void repairOfTencentsLspShowsFourRemovalsPerCatalogAndSavesThePlan(FxRobot robot) throws Exception {
        CatalogSnapshot snapshot = showWindows10(robot);
        repairFromTree(robot, "1020  ierd_tgp_lsp64");
        assertEquals("Repair: remove the LSP {71708dd8-8c0e-4318-b17d-8ba2a2381916}", dialog.getHeaderText());
        Label verdict = inDialog(robot, "#verdict");
        assertEquals("Safe plan: 8 entries removed, 0 chains moved. Nothing is changed until the plan is applied.",
                verdict.getText());
        ListView<String> changes = inDialog(robot, "#changes");
        List<String> lines = changes.getItems();
        assertTrue(lines.get(0).startsWith("64-bit catalog (") && lines.get(0).endsWith("): 4 removed, 0 moved"),
                lines.toString());
        assertTrue(lines.get(5).startsWith("32-bit catalog (") && lines.get(5).endsWith("): 4 removed, 0 moved"),
                lines.toString());
        assertEquals("    − remove entry 1020 \"ierd_tgp_lsp64\"  {71708dd8-8c0e-4318-b17d-8ba2a2381916}",
                lines.get(1));
        TableView<?> diff = inDialog(robot, "#diffTable");
        assertEquals(8, diff.getItems().size(), "the diff lists the 8 removed entries");

        Button apply = inDialog(robot, "#applyButton");
        assertTrue(apply.isDisable(), "a plan made from a file is not applied here");
        Label reason = inDialog(robot, "#applyReason");
        assertTrue(reason.getText().startsWith("Apply changes only this machine's live catalog; this plan is made"
                + " from "), reason.getText());

        planFile = temp.resolve("tencent-plan.json");
        robot.clickOn((Node) inDialog(robot, "#saveButton"));
        WaitForAsyncUtils.waitForFxEvents();
        RepairPlan saved = RepairPlanFile.read(Files.readAllBytes(planFile), planFile.toString());
        assertEquals(List.of(Bitness.X64, Bitness.X86), saved.catalogs().stream().map(CatalogRepair::bitness).toList());
        assertEquals(List.of(1020, 1021, 1022, 1023), ids(saved.catalogs().get(0).removed()));
        assertEquals(List.of(1016, 1017, 1018, 1019), ids(saved.catalogs().get(1).removed()));
        assertEquals("remove the LSP {71708dd8-8c0e-4318-b17d-8ba2a2381916}", saved.request());
        assertEquals(snapshot.location(), saved.source());
        Label savedLabel = inDialog(robot, "#savedLabel");
        assertTrue(savedLabel.isVisible() && savedLabel.getText().endsWith("run `wpuscope repair apply --live --plan"
                + " tencent-plan.json` as administrator."), savedLabel.getText());
    }

    @Test
    void repairOnAChainRemovesItsLspNamedByTheLayeredEntry(FxRobot robot) throws Exception {
        showWindows10(robot);
        repairFromTree(robot, "1022  ierd_tgp_lsp64 over ");
        assertEquals("Repair: remove the LSP {71708dd8-8c0e-4318-b17d-8ba2a2381916}", dialog.getHeaderText());
        assertEquals(8, ((TableView<?>) inDialog(robot, "#diffTable")).getItems().size());
    }

    @Test
    void aRefusedRepairShowsItsReasonAndOffersNothingToSave(FxRobot robot) throws Exception {
        showWindows10(robot);
        repairFromTree(robot, "1001  ");
        assertEquals("Refused: wpuscope will not make this change, because:",
                ((Label) inDialog(robot, "#verdict")).getText());
        List<String> reasons = ((ListView<String>) inDialog(robot, "#changes")).getItems();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("• 64-bit catalog: ") && r.contains(" is a base"
                + " provider; repair removes LSP entries only")), reasons.toString());
        assertTrue(((TableView<?>) inDialog(robot, "#diffTable")).getItems().isEmpty());
        assertTrue(((Button) inDialog(robot, "#saveButton")).isDisable());
        assertTrue(((Button) inDialog(robot, "#applyButton")).isDisable());
    }

    @Test
    void aProductCardOffersRepairAndAnExcerptIsRefusedWithTheReason(FxRobot robot) throws Exception {
        CatalogSnapshot dump = CatalogSources.read(ExampleFiles.sharedSample("netsh/moby-27423_lavasoft_part1.txt"));
        robot.interact(() -> controller.show(dump, ExampleFiles.diagnose(dump), ExampleFiles.OFFLINE_FILES, false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".product-card .product-repair").query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Repair: remove the LSP {1c39a736-9641-4f43-9c20-aeed81692a07}", dialog.getHeaderText());
        List<String> reasons = ((ListView<String>) inDialog(robot, "#changes")).getItems();
        assertTrue(reasons.get(0).startsWith("• 64-bit catalog: its provider order is unknown"), reasons.toString());
    }

    @Test
    void aFindingOffersItsOwnRepairOrSaysThereIsNone(FxRobot robot) throws Exception {
        showWindows10(robot);
        TableView<Finding> findings = robot.lookup("#findingsTable").queryAs(TableView.class);
        Button repair = robot.lookup("#repairFindingButton").queryAs(Button.class);
        Label hint = robot.lookup("#repairFindingHint").queryAs(Label.class);
        robot.interact(() -> findings.getSelectionModel().select(finding(findings, "WPS014")));
        assertTrue(repair.isDisable());
        assertTrue(hint.getText().startsWith("wpuscope has no repair for WPS014"), hint.getText());
        robot.interact(() -> findings.getSelectionModel().select(finding(findings, "WPS007")));
        assertFalse(repair.isDisable());
        assertEquals("remove the LSP {71708dd8-8c0e-4318-b17d-8ba2a2381916}", hint.getText(),
                "a finding about an LSP's layered entry and chains names the LSP once");
        robot.interact(() -> findings.getSelectionModel().select(finding(findings, "WPS015")));
        assertFalse(repair.isDisable());
        assertEquals("put each bypassed chain before the entry socket() takes instead (WPS015)", hint.getText());
        robot.clickOn(repair);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = ((ListView<String>) inDialog(robot, "#changes")).getItems();
        assertTrue(lines.get(0).endsWith("): 0 removed, 3 moved"), lines.toString());
        assertTrue(lines.get(1).startsWith("    → move "), lines.toString());
    }

    private static Finding finding(TableView<Finding> findings, String rule) {
        return findings.getItems().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }
}
