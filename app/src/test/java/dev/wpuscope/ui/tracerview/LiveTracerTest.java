package dev.wpuscope.ui.tracerview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Choice;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Kind;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's install and removal, driven as the dialogs drive them, against the in-memory catalog. */
class LiveTracerTest {

    private static LiveCatalog live(CatalogWriter writer, boolean elevated, Optional<String> unavailable) {
        return new TestMachine(writer, elevated, unavailable);
    }

    @Test
    void installThenRemoveGivesBackTheCatalog(@TempDir Path backups) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        LiveTracer tracer = new LiveTracer(live(InMemoryCatalog.of(example), true, Optional.empty()), backups);
        assertEquals(Optional.empty(), tracer.unavailableReason());
        CatalogSnapshot before = tracer.read();

        Result.Planned planned = assertInstanceOf(Result.Planned.class,
                new TracerPlanViewModel(tracer.read(), TracerPlanViewModelTest.DLLS)
                        .plan(new Choice(Kind.PROTOCOL, "6")));
        List<String> steps = new ArrayList<>();
        ApplyReport installed = tracer.install(planned.plan(), steps::add);

        assertEquals(ApplyReport.Outcome.APPLIED, installed.outcome(), installed.steps().toString());
        assertEquals(installed.steps(), steps);
        assertTrue(Files.isRegularFile(installed.backup()));
        assertTrue(LiveTracer.outcomeText(installed).startsWith("APPLIED:"));
        assertTrue(LiveTracer.outcomeText(installed).endsWith("Catalog backup: " + installed.backup()));
        assertTrue(tracer.status().contains("the tracer is installed"), tracer.status());

        LiveTracer.Removal removal = tracer.planRemoval();
        assertEquals(List.of(), removal.refusal());
        assertTrue(removal.text().startsWith("Plan: remove the wpuscope tracer"), removal.text());
        ApplyReport removed = tracer.remove(step -> { });

        assertEquals(ApplyReport.Outcome.APPLIED, removed.outcome(), removed.steps().toString());
        for (Bitness bitness : Bitness.values()) {
            assertEquals(before.catalog(bitness).orElseThrow().entries(),
                    tracer.read().catalog(bitness).orElseThrow().entries(), bitness.label());
        }
        assertTrue(tracer.planRemoval().nothing());
    }

    @Test
    void withoutElevationInstallIsRefusedAndSaysWhy(@TempDir Path backups) throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        LiveTracer tracer = new LiveTracer(live(InMemoryCatalog.of(example), false, Optional.empty()), backups);
        Result.Planned planned = assertInstanceOf(Result.Planned.class,
                new TracerPlanViewModel(tracer.read(), TracerPlanViewModelTest.DLLS)
                        .plan(new Choice(Kind.ENTRIES, "1001")));

        assertTrue(tracer.unavailableReason().orElseThrow().contains("run it as administrator"));
        ApplyReport refused = tracer.install(planned.plan(), step -> { });
        assertEquals(ApplyReport.Outcome.REFUSED, refused.outcome());
        assertEquals("REFUSED: nothing was changed (see the last step).", LiveTracer.outcomeText(refused));
        assertEquals(List.of(), Files.list(backups).toList());
    }

    @Test
    void elsewhereInstallAndRemoveNeedWindows(@TempDir Path backups) {
        LiveTracer tracer = new LiveTracer(live(null, false, Optional.of("the live Winsock catalog exists only on"
                + " Windows (this is Linux)")), backups);

        assertEquals("Install… and Remove… need Windows and an elevated wpuscope (this is "
                + System.getProperty("os.name") + "). Plan… works on any open catalog.",
                tracer.unavailableReason().orElseThrow());
    }
}
