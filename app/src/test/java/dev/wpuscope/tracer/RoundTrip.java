package dev.wpuscope.tracer;

import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.InMemoryCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Install a plan into an in-memory copy of a catalog, remove it, and compare every PackedCatalogItem. */
final class RoundTrip {

    private RoundTrip() {
    }

    static void assertInstallThenRemoveRestores(CatalogSnapshot snapshot, InstallPlan plan) throws Exception {
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        Map<Bitness, List<String>> original = bytes(memory);
        TracerApplier applier = new TracerApplier(memory, TracerFixtures.ELEVATED, s -> null);
        ApplyReport installed = applier.install(plan, step -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, installed.outcome(), String.join("\n", installed.steps()));
        for (CatalogChange change : plan.changes()) {
            List<String> after = TracerFixtures.bytes(memory, change.bitness());
            assertEquals(original.get(change.bitness()).size() + change.covered().size() + 1, after.size());
            assertNotEquals(original.get(change.bitness()), after);
        }
        ApplyReport removed = applier.remove(step -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, removed.outcome(), String.join("\n", removed.steps()));
        assertEquals(original, bytes(memory), plan.selection().describe());
    }

    static Map<Bitness, List<String>> bytes(InMemoryCatalog memory) throws CatalogWriteException {
        Map<Bitness, List<String>> bytes = new EnumMap<>(Bitness.class);
        for (Bitness bitness : memory.catalogs()) {
            bytes.put(bitness, TracerFixtures.bytes(memory, bitness));
        }
        return bytes;
    }
}
