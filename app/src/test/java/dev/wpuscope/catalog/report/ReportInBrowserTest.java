package dev.wpuscope.catalog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.platform.ProviderFileCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The report of real samples rendered by a real headless browser (Debian's chromium, which setup.sh installs):
 * the DOM it builds holds the product, what it breaks and the fix, and a screenshot is taken (kept in
 * app/target/report-screenshots). Skipped, saying why, where chromium is not installed.
 */
class ReportInBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @Test
    void theLavasoftReportRendersInChromium() throws Exception {
        Path html = write("moby-27423_lavasoft_part1", SharedSamples.file("netsh/moby-27423_lavasoft_part1.txt"));
        String dom = chromium("--dump-dom", html);
        assertTrue(dom.contains("<strong>Lavasoft Web Companion</strong>"), dom);
        assertTrue(dom.contains("Every docker command fails"), dom);
        assertTrue(dom.contains("Uninstall Lavasoft Web Companion"), dom);
        assertTrue(dom.contains("1 known product with known breakages"), dom);
        assertTrue(dom.contains("<span class=\"muted\">not in this excerpt [1006]</span>"), "an excerpt's absent link");
        Path png = SCREENSHOTS.resolve("moby-27423_lavasoft_part1.png");
        chromium("--screenshot=" + png.toAbsolutePath(), html);
        byte[] image = Files.readAllBytes(png);
        assertEquals("PNG", new String(image, 1, 3, StandardCharsets.US_ASCII));
        assertTrue(image.length > 20_000, "a page was painted, not a blank: " + image.length + " bytes");
    }

    @Test
    void theWindows10ExportReportRendersInChromium() throws Exception {
        Path html = write("cingchun_bccc_winsock2", SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
        String dom = chromium("--dump-dom", html);
        assertTrue(dom.contains("ierd_tgp_lsp64 [1020]</span> <span class=\"arrow\">→</span>"), "chains are laid out");
        assertTrue(dom.contains("Not a product wpuscope knows"), dom);
        chromium("--screenshot=" + SCREENSHOTS.resolve("cingchun_bccc_winsock2.png").toAbsolutePath(), html);
    }

    private static Path write(String name, Path sample) throws Exception {
        CatalogSnapshot snapshot = CatalogSources.read(sample);
        String page = HtmlReport.render(new CatalogReport(snapshot, CatalogDiagnostics.standard().diagnose(snapshot,
                ProviderFileCheck.unavailable("offline sample")), RecognisedLsp.of(snapshot, KnownLsps.standard()),
                Optional.empty(), Instant.now()));
        Files.createDirectories(SCREENSHOTS);
        Path html = SCREENSHOTS.resolve(name + ".html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        return html;
    }

    /** Runs headless chromium on the page with one action; returns what it printed on stdout. */
    private static String chromium(String action, Path page) throws IOException, InterruptedException {
        Path browser = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(browser), "chromium is not installed (setup.sh installs it): browser test skipped");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2000", action));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile())).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
        assertEquals(0, process.exitValue(), "chromium failed");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return printed;
    }
}
