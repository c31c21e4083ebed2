package dev.wpuscope.ui.tracerview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Choice;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Kind;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plan dialog on the example catalog, and its refusal for a netsh dump. */
@ExtendWith(ApplicationExtension.class)
class TracerPlanDialogTest {

    private Stage stage;

    @Start
    void start(Stage window) {
        stage = EmptyWindow.show(window);
    }

    private TracerPlanDialog open(FxRobot robot, CatalogSnapshot snapshot, Choice initial, boolean install) {
        AtomicReference<TracerPlanDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(new TracerPlanDialog(stage, new TracerPlanViewModel(snapshot, TracerPlanViewModelTest.DLLS),
                    initial, install));
            dialog.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog.get();
    }

    private static String verdict(FxRobot robot) {
        return robot.lookup("#planVerdict").queryAs(Label.class).getText();
    }

    private static String plan(FxRobot robot) {
        return robot.lookup("#planText").queryAs(TextArea.class).getText();
    }

    @Test
    void showsThePlanForTheChosenSelectionAndReplansOnEveryChange(FxRobot robot) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        TracerPlanDialog dialog = open(robot, example, new Choice(Kind.ENTRIES, "1001"), true);

        assertTrue(verdict(robot).startsWith("Safe plan: 2 new protocol chains"), verdict(robot));
        assertFalse(robot.lookup("#lspChoice").query().isVisible());
        assertTrue(plan(robot).contains("covers entry 1001 \"MSAFD Tcpip [TCP/IP]\""), plan(robot));
        assertFalse(robot.lookup("Install as shown").query().isDisabled());

        robot.interact(() -> robot.lookup("#selectionKind").queryComboBox().getSelectionModel().select(Kind.ALL));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Refused: wpuscope will not make this change, because:", verdict(robot));
        assertTrue(plan(robot).startsWith("• 64-bit catalog: entry 1041"), plan(robot));
        assertTrue(robot.lookup("Install as shown").query().isDisabled(), "a refused plan cannot be installed");

        robot.interact(() -> robot.lookup("#selectionKind").queryComboBox().getSelectionModel().select(Kind.PROTOCOL));
        robot.clickOn("#selectionValue").write("6");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(verdict(robot).startsWith("Safe plan:"), verdict(robot));
        assertEquals("6", robot.lookup("#selectionValue").queryAs(TextField.class).getText());
        assertTrue(plan(robot).contains("Plan: attach the wpuscope tracer to every visible entry of protocol 6"));

        robot.clickOn("Install as shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("every visible entry of protocol 6", dialog.getResult().selection().describe());
    }

    @Test
    void choosingAnLspPlansItsChains(FxRobot robot) throws Exception {
        open(robot, ExampleFiles.readExampleCatalog(), new Choice(Kind.LSP, ""), false);
        assertEquals("Choose an LSP, or type its provider GUID.", verdict(robot));
        assertFalse(robot.lookup("#selectionValue").query().isVisible(), "an LSP is chosen from the list");
        assertTrue(robot.lookup("Close").tryQuery().isPresent());
        assertTrue(robot.lookup("Install as shown").tryQuery().isEmpty(), "Plan… installs nothing");

        ComboBox<TracerPlanViewModel.LspChoice> lsp = robot.lookup("#lspChoice").queryComboBox();
        robot.interact(() -> lsp.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lsp.getItems().get(0).providerId().toString(),
                robot.lookup("#selectionValue").queryAs(TextField.class).getText());
        assertTrue(verdict(robot).startsWith("Safe plan:"), verdict(robot));
        assertTrue(plan(robot).contains("the protocol chains of the LSP {" + lsp.getItems().get(0).providerId()
                + "}"), plan(robot));
    }

    @Test
    void aSelectedLayeredEntryPreselectsItsLsp(FxRobot robot) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        CatalogEntry fabrikam = example.catalog(Bitness.X64).orElseThrow().byId(1030).orElseThrow();
        open(robot, example, TracerPlanViewModel.prefill(List.of(fabrikam)), false);

        ComboBox<TracerPlanViewModel.LspChoice> lsp = robot.lookup("#lspChoice").queryComboBox();
        assertEquals(fabrikam.info().providerId(), lsp.getValue().providerId());
        assertEquals("Safe plan: 1 new protocol chain over the chosen entries, plus the tracer's hidden layered"
                + " entry. Nothing is changed until you install.", verdict(robot));
    }

    @Test
    void aNetshCatalogIsARefusalNotAnError(FxRobot robot) throws Exception {
        CatalogSnapshot netsh = CatalogSources.read(SharedSamples.file("netsh/trio-52_win10_hyperv_part1.txt"));
        TracerPlanDialog dialog = open(robot, netsh, new Choice(Kind.FAMILY, "2"), false);

        assertEquals("Refused: wpuscope will not make this change, because:", verdict(robot));
        assertTrue(plan(robot).contains("its provider order is unknown"), plan(robot));
        assertInstanceOf(TracerPlanViewModel.Result.Refused.class, dialog.result());
        assertTrue(robot.lookup(".alert").tryQuery().isEmpty(), "a refusal is shown in the dialog, not as an error");
    }
}
