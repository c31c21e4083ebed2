package dev.wpuscope.ui.tracerview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.ui.ExampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tracer › Install… end to end against the in-memory catalog: confirm the plan, watch the steps, read the outcome. */
@ExtendWith(ApplicationExtension.class)
class TracerInstallFlowTest {

    private Stage stage;

    @TempDir
    Path backups;

    private final AtomicInteger refreshed = new AtomicInteger();

    @Start
    void start(Stage window) {
        stage = EmptyWindow.show(window);
    }

    @Test
    void installsTheConfirmedPlanAndShowsEveryStepAndTheBackup(FxRobot robot) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        InMemoryCatalog memory = InMemoryCatalog.of(example);
        LiveTracer live = new LiveTracer(new TestMachine(memory, true, Optional.empty()), backups);
        TracerActions actions = new TracerActions(stage, live, TracerPlanViewModelTest.DLLS, () -> null,
                () -> List.of(example.catalog(Bitness.X64).orElseThrow().byId(1001).orElseThrow()),
                () -> refreshed.incrementAndGet());

        robot.interact(actions::install);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Install as shown").tryQuery().isPresent());
        assertTrue(robot.lookup("#planVerdict").queryAs(Label.class).getText().startsWith("Safe plan: 2 new"));
        robot.clickOn("Install as shown");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".apply-outcome").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("APPLIED")).orElse(false));
        String outcome = robot.lookup(".apply-outcome").queryAs(Label.class).getText();
        Path backup = Files.list(backups).findFirst().orElseThrow();
        assertTrue(outcome.endsWith("Catalog backup: " + backup), outcome);
        ListView<String> steps = robot.lookup(".tracer-apply .list-view").queryListView();
        assertTrue(steps.getItems().get(steps.getItems().size() - 1).startsWith("Done: the tracer is installed over 2"),
                steps.getItems().toString());
        assertTrue(live.status().contains("64-bit catalog: the tracer is installed (2 entries)"), live.status());
        assertTrue(live.status().contains("32-bit catalog: the tracer is installed (2 entries)"), live.status());
        assertEquals(false, robot.lookup("Close").queryButton().isDisabled());
        assertEquals(1, refreshed.get(), "the live catalog is shown again after the change");
    }

    @Test
    void removesAfterShowingTheRemovalPlan(FxRobot robot) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        LiveTracer live = new LiveTracer(new TestMachine(InMemoryCatalog.of(example), true, Optional.empty()),
                backups);
        TracerPlanViewModel.Result.Planned planned = (TracerPlanViewModel.Result.Planned) new TracerPlanViewModel(
                live.read(), TracerPlanViewModelTest.DLLS).plan(new TracerPlanViewModel.Choice(
                TracerPlanViewModel.Kind.PROTOCOL, "6"));
        live.install(planned.plan(), step -> { });
        TracerActions actions = new TracerActions(stage, live, TracerPlanViewModelTest.DLLS, () -> null, List::of,
                () -> refreshed.incrementAndGet());

        robot.interact(actions::remove);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Remove as shown").tryQuery().isPresent());
        assertTrue(robot.lookup(".text-area").queryAs(TextArea.class).getText()
                .startsWith("Plan: remove the wpuscope tracer"));
        robot.clickOn("Remove as shown");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".apply-outcome").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("APPLIED")).orElse(false));
        assertEquals(1, refreshed.get());
        assertEquals("64-bit catalog: the tracer is not installed\n32-bit catalog: the tracer is not installed\n",
                live.status());
    }
}
