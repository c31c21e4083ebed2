package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.tracer.Selection;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerDllDirectory;
import dev.wpuscope.tracer.TracerPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The live catalog through ws2_32.dll; only on Windows. Changing the catalog also needs an explicit opt-in. */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class WindowsCatalogWriterTest {

    @Test
    void enumeratesEveryReachableCatalogWithUniqueIdsAndPaths() throws Exception {
        WindowsCatalogWriter writer = WindowsCatalogWriter.forThisProcess();
        for (Bitness bitness : writer.catalogs()) {
            Catalog catalog = writer.enumerate(bitness);
            assertFalse(catalog.entries().isEmpty(), bitness.label());
            Set<Integer> ids = new HashSet<>();
            for (CatalogEntry entry : catalog.entries()) {
                assertTrue(ids.add(entry.id()), "unique id " + entry.id());
                assertFalse(entry.providerPath().isEmpty(), entry.displayName());
            }
        }
    }

    @Test
    void elevationCanBeQueried() {
        new WindowsElevation().isElevated();
    }

    /**
     * Installs the tracer over one entry of the live catalogs and removes it again, comparing every entry byte for
     * byte. Runs only elevated with WPUSCOPE_LIVE_CATALOG_TEST=1 and wpuscope.tracerDlls naming the DLL folder.
     */
    @Test
    void installThenRemoveRestoresTheLiveCatalog(@TempDir Path backups) throws Exception {
        assumeTrue("1".equals(System.getenv("WPUSCOPE_LIVE_CATALOG_TEST")), "opt-in: WPUSCOPE_LIVE_CATALOG_TEST=1");
        assumeTrue(new WindowsElevation().isElevated(), "needs an elevated process");
        String dlls = System.getProperty("wpuscope.tracerDlls");
        assumeTrue(dlls != null, "-Dwpuscope.tracerDlls=<folder with x64/ and x86/wputrace.dll>");
        WindowsCatalogWriter writer = WindowsCatalogWriter.forThisProcess();
        TracerApplier applier = new TracerApplier(writer, new WindowsElevation(),
                new dev.wpuscope.change.SnapshotBackupDirectory(backups, Clock.systemUTC()));
        CatalogSnapshot before = applier.read();
        int firstBase = before.catalog(writer.catalogs().get(0)).orElseThrow().entries().stream()
                .filter(e -> e.info().chainLength() == 1).findFirst().orElseThrow().id();
        ApplyReport installed = applier.install(new TracerPlanner(new TracerDllDirectory(Path.of(dlls)))
                .planInstall(before, new Selection.Entries(List.of(firstBase))), System.out::println);
        assertEquals(ApplyReport.Outcome.APPLIED, installed.outcome());
        ApplyReport removed = applier.remove(System.out::println);
        assertEquals(ApplyReport.Outcome.APPLIED, removed.outcome());
        for (Bitness bitness : writer.catalogs()) {
            assertEquals(bytes(before.catalog(bitness).orElseThrow()), bytes(writer.enumerate(bitness)));
        }
    }

    private static List<String> bytes(Catalog catalog) {
        List<String> items = new ArrayList<>();
        catalog.entries().forEach(e -> items.add(java.util.HexFormat.of().formatHex(PackedCatalogItem.encode(e))));
        return items;
    }
}
