package dev.wpuscope.ui.catalogview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.LocalDlls;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Catalog view on the example catalog, driven through its controls (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class CatalogViewTest {
    private CatalogViewController controller;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "catalogview/CatalogView.fxml", 1240, 760);
    }

    private void showExample(FxRobot robot) throws Exception {
        CatalogSnapshot snapshot = ExampleFiles.readExampleCatalog();
        Diagnosis diagnosis = ExampleFiles.diagnose(snapshot);
        robot.interact(() -> controller.show(snapshot, diagnosis, ExampleFiles.OFFLINE_FILES, true));
    }

    @Test
    void emptyStateOffersToOpenACatalog(FxRobot robot) {
        assertTrue(robot.lookup("No catalog open").tryQuery().isPresent());
        assertTrue(robot.lookup("#emptyExampleButton").query().isVisible());
        assertFalse(robot.lookup("#content").query().isVisible());
    }

    @Test
    void showsTheChainTreeAndTheExampleBanner(FxRobot robot) throws Exception {
        showExample(robot);
        TreeView<ChainTreeNode> tree = robot.lookup("#chainTree").queryAs(TreeView.class);
        assertEquals(2, tree.getRoot().getChildren().size());
        assertTrue(robot.lookup("#exampleBanner").query().isVisible());
        // the tree's cells appear with the next layout pulse, which a loaded machine may delay
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(
                "1041  Northwind VPN Helper over [MSAFD Tcpip [UDP/IPv6]]").tryQuery().isPresent());
        Node brokenCell = robot.lookup("1041  Northwind VPN Helper over [MSAFD Tcpip [UDP/IPv6]]").query();
        assertTrue(brokenCell.getStyleClass().contains("missing-link"));
    }

    @Test
    void clickingAnEntryShowsItsDecodedFields(FxRobot robot) throws Exception {
        showExample(robot);
        robot.clickOn("1021  Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<DetailRow> details = robot.lookup("#detailTable").queryAs(TableView.class);
        assertTrue(details.getItems().stream().anyMatch(r -> r.name().equals("Provider DLL")
                && r.value().endsWith("cwflsp.dll")));
        TableView<EntryRow> entries = robot.lookup("#entriesTable").queryAs(TableView.class);
        assertEquals("1021", entries.getSelectionModel().getSelectedItem().idText());
    }

    @Test
    void anOfflineCatalogSaysWhereItsDllsAre(FxRobot robot) throws Exception {
        showExample(robot);
        robot.clickOn("1021  Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("offline catalog: the DLL is on the customer's machine").tryQuery().isPresent());
    }

    /** A catalog whose DLLs are on this machine (as the live one is): the real built DLL's facts appear. */
    @Test
    void dllVersionAndSignatureAppearWhenTheFileIsHere(FxRobot robot) throws Exception {
        CatalogSnapshot snapshot = ExampleFiles.readExampleCatalog();
        Diagnosis diagnosis = ExampleFiles.diagnose(snapshot);
        LocalDlls files = LocalDlls.builtTracer();
        robot.interact(() -> controller.show(snapshot, diagnosis, files, false));
        robot.clickOn("1021  Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]");
        TableView<DetailRow> details = robot.lookup("#detailTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> details.getItems().stream()
                .anyMatch(r -> r.name().equals("Company")));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> rows = ExampleFiles.byName(details.getItems());
        assertEquals("wpuscope project", rows.get("Company"));
        assertTrue(rows.get("File description").contains("tracing layered service provider"));
        assertEquals("not signed", rows.get("Signer"));
        assertTrue(robot.lookup("wpuscope project").tryQuery().isPresent(), "the row is shown, not only in the model");
    }

    @Test
    void clickingAFindingSelectsItsEntries(FxRobot robot) throws Exception {
        showExample(robot);
        TableView<Finding> findings = robot.lookup("#findingsTable").queryAs(TableView.class);
        robot.clickOn("WPS002");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("WPS002", findings.getSelectionModel().getSelectedItem().ruleId());
        TableView<EntryRow> entries = robot.lookup("#entriesTable").queryAs(TableView.class);
        assertEquals("1041", entries.getSelectionModel().getSelectedItem().idText());
    }

    @Test
    void namespaceProvidersHaveTheirOwnTab(FxRobot robot) throws Exception {
        showExample(robot);
        robot.clickOn("Namespace providers");
        assertTrue(robot.lookup("NS_DNS (12)").tryQuery().isPresent());
        assertTrue(robot.lookup("no (disabled)").tryQuery().isPresent());
    }
}
