package dev.wpuscope.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.reg.RegExportFormat;

/**
 * Hostile input for every reader: the only exception allowed is {@link CatalogReadException}. Runs the seeds
 * in CatalogReadersFuzzTestInputs with every {@code mvn test}; fuzz for real with {@code JAZZER_FUZZ=1}.
 */
class CatalogReadersFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void regExport(byte[] input) {
        try {
            CatalogSnapshot snapshot = new RegExportFormat().read(input, "fuzz.reg");
            assertEquals(snapshot, SnapshotJson.read(SnapshotJson.write(snapshot), "fuzz.json"));
        } catch (CatalogReadException expected) {
            // bad input, reported as such
        }
    }

    @FuzzTest(maxDuration = "2m")
    void snapshot(byte[] input) {
        try {
            CatalogSnapshot snapshot = SnapshotJson.read(input, "fuzz.json");
            assertEquals(snapshot, SnapshotJson.read(SnapshotJson.write(snapshot), "again.json"));
        } catch (CatalogReadException expected) {
            // bad input, reported as such
        }
    }

    /** Any 888 bytes decode, and encoding the decoded item over them gives them back exactly. */
    @FuzzTest(maxDuration = "1m")
    void packedCatalogItem(byte[] input) {
        try {
            PackedCatalogItem item = PackedCatalogItem.decode(input, "fuzz");
            assertArrayEquals(input, item.encodeOver(input));
            assertEquals(item, PackedCatalogItem.decode(item.encode(), "canonical"));
        } catch (CatalogReadException expected) {
            // wrong size
        }
    }
}
