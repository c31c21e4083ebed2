package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File › Export Report writes the page wpuscope report writes, for the catalog the window shows. */
class ExportReportTest {

    @TempDir
    Path dir;

    @Test
    void theOpenCatalogsReportIsWritten() throws Exception {
        try (Sources sources = new Sources(ThisMachine.detect())) {
            Sources.OpenedCatalog opened = sources.readCatalog(ExampleFiles.sharedSample(
                    "netsh/moby-27423_lavasoft_part1.txt"));
            Path html = dir.resolve("report.html");
            sources.writeReport(opened.snapshot(), opened.diagnosis(), html);
            String page = Files.readString(html);
            assertTrue(page.startsWith("<!DOCTYPE html>"), page);
            assertTrue(page.contains("1 known product with known breakages, 1 warning, 2 notes"), page);
            assertTrue(page.contains("<strong>Lavasoft Web Companion</strong>"), page);
        }
    }
}
