package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotFormat;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSourcesTest {

    @TempDir
    Path dir;

    @Test
    void detectsEveryRegSampleAndASavedSnapshotByContent() throws Exception {
        for (Path sample : SharedSamples.all("reg")) {
            assertInstanceOf(RegExportFormat.class, CatalogSources.detect(sample), sample.toString());
        }
        Path sample = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        CatalogSnapshot snapshot = CatalogSources.read(sample);
        Path saved = dir.resolve("saved.reg");   // a misleading name: content decides
        Files.write(saved, SnapshotJson.write(snapshot));
        assertInstanceOf(SnapshotFormat.class, CatalogSources.detect(saved));
        assertEquals(snapshot, CatalogSources.read(saved));
    }

    @Test
    void unknownEmptyAndMissingFilesAreClearErrors() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.reg"));
        assertEquals(empty + ": the file is empty (it reads: " + formats() + ")",
                assertThrows(CatalogReadException.class, () -> CatalogSources.read(empty)).getMessage());
        Path text = Files.writeString(dir.resolve("a.txt"), "hello\n");
        assertEquals(text + ": not a catalog file wpuscope knows (it reads: " + formats() + ")",
                assertThrows(CatalogReadException.class, () -> CatalogSources.read(text)).getMessage());
        Path missing = dir.resolve("missing.reg");
        assertEquals(missing + ": cannot read: no such file",
                assertThrows(CatalogReadException.class, () -> CatalogSources.read(missing)).getMessage());
        assertEquals(dir + ": cannot read: it is a directory",
                assertThrows(CatalogReadException.class, () -> CatalogSources.read(dir)).getMessage());
    }

    private static String formats() {
        return String.join(", ", CatalogSources.FORMATS.stream().map(CatalogFormat::name).toList());
    }
}
