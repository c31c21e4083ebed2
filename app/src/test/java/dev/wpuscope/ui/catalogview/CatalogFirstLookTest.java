package dev.wpuscope.ui.catalogview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.FxViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Catalog view's first look on a customer's netsh dump with a known LSP (headless Monocle): the summary
 * line, the product, what it breaks and the fix are on screen without scrolling; the source's caveats are one
 * line that expands. The view gets 1400x770, what a 1400x900 window leaves it under menu, tool bar, tabs and
 * status bar.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogFirstLookTest {
    private static final double WIDTH = 1400;
    private static final double HEIGHT = 770;
    private CatalogViewController controller;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "catalogview/CatalogView.fxml", WIDTH, HEIGHT);
    }

    private void showLavasoftDump(FxRobot robot) throws Exception {
        CatalogSnapshot snapshot = CatalogSources.read(ExampleFiles.sharedSample(
                "netsh/moby-27423_lavasoft_part1.txt"));
        Diagnosis diagnosis = ExampleFiles.diagnose(snapshot);
        robot.interact(() -> controller.show(snapshot, diagnosis, ExampleFiles.OFFLINE_FILES, false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node showing exactly this text, which must lie wholly inside the view (nothing to scroll to). */
    private static Label onScreen(FxRobot robot, String startOfText) {
        Label label = robot.lookup((Node n) -> n instanceof Label l && l.isVisible() && l.getText() != null
                && l.getText().startsWith(startOfText)).queryAs(Label.class);
        Bounds bounds = label.localToScene(label.getBoundsInLocal());
        assertTrue(bounds.getMinY() >= 0 && bounds.getMaxY() <= HEIGHT && bounds.getMaxX() <= WIDTH,
                startOfText + " is outside the view: " + bounds);
        return label;
    }

    @Test
    void theProductWhatItBreaksAndTheFixAreReadableWithoutScrolling(FxRobot robot) throws Exception {
        showLavasoftDump(robot);
        onScreen(robot, "1 known product with known breakages, 1 warning, 2 notes");
        onScreen(robot, "LavasoftLSP (64-bit) is Lavasoft Web Companion");
        onScreen(robot, "matched by GUID {1C39A736-9641-4F43-9C20-AEED81692A07}");
        Label breaks = onScreen(robot, "Breaks: Docker for Windows (docker CLI): Every docker command fails");
        assertTrue(breaks.getText().endsWith("(source: https://github.com/moby/moby/issues/27423)"), breaks.getText());
        onScreen(robot, "Fix: Uninstall Lavasoft Web Companion");
    }

    @Test
    void whatTheSourceCannotTellIsOneLineThatExpands(FxRobot robot) throws Exception {
        showLavasoftDump(robot);
        TitledPane caveats = robot.lookup("#caveatsPane").queryAs(TitledPane.class);
        assertEquals("What this source cannot tell (10) and reader warnings (2)", caveats.getText());
        assertFalse(caveats.isExpanded());
        assertTrue(caveats.getHeight() < 40, "collapsed to one line: " + caveats.getHeight());
        robot.clickOn("What this source cannot tell (10) and reader warnings (2)");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(caveats.isExpanded());
        Label text = robot.lookup("#caveatsText").queryAs(Label.class);
        assertTrue(text.isVisible() && text.getText().contains("netsh prints no provider flags"), text.getText());
    }

    @Test
    void theTreeAndTheDetailPaneNameTheProduct(FxRobot robot) throws Exception {
        showLavasoftDump(robot);
        String chain = "1032  LavasoftLSP over [MSAFD Tcpip [TCP/IP]]  — Lavasoft Web Companion";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(chain).tryQuery().isPresent());
        robot.clickOn(chain);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<DetailRow> details = robot.lookup("#detailTable").queryAs(TableView.class);
        Map<String, String> rows = ExampleFiles.byName(details.getItems());
        assertEquals("Lavasoft Web Companion (matched by GUID {1C39A736-9641-4F43-9C20-AEED81692A07})",
                rows.get("LSP product"));
        assertTrue(rows.get("Known to break").startsWith("Docker for Windows (docker CLI): "), rows.get("Known to break"));
        assertTrue(rows.get("Workaround").startsWith("Uninstall Lavasoft Web Companion"), rows.get("Workaround"));
    }

    @Test
    void unknownLspsSaySoPlainly(FxRobot robot) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        robot.interact(() -> controller.show(example, ExampleFiles.diagnose(example), ExampleFiles.OFFLINE_FILES, true));
        WaitForAsyncUtils.waitForFxEvents();
        onScreen(robot, "Not a product wpuscope knows: Contoso Web Filter (64-bit), Fabrikam Traffic Shaper (64-bit)");
        assertTrue(robot.lookup(".product-card").queryAll().isEmpty(), "no product card for unknown LSPs");
        CatalogViewModel model = controller.viewModel();
        List<String> labels = new ArrayList<>();
        model.treeProperty().get().forEach(node -> collect(node, labels));
        assertTrue(labels.contains("1020  Contoso Web Filter  — unknown product"), labels.toString());
        assertTrue(labels.contains("1021  Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]"), "chains of unknown LSPs stay");
        robot.interact(() -> model.selectedProperty().set(model.rowFor(Bitness.X64, 1020)));
        assertEquals("not a product wpuscope knows", ExampleFiles.byName(model.details()).get("LSP product"));
    }

    private static void collect(ChainTreeNode node, List<String> labels) {
        labels.add(node.label());
        node.children().forEach(child -> collect(child, labels));
    }
}
