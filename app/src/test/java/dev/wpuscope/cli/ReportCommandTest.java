package dev.wpuscope.cli;

import static dev.wpuscope.cli.DiagnoseSamplesCliTest.wpuscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wpuscope report <source> -o report.html} as a user runs it. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReportOfANetshDumpAndSaysWhatItFound() throws Exception {
        Path html = dir.resolve("report.html");
        CliRun run = wpuscope("report", SharedSamples.file("netsh/moby-27423_lavasoft_part1.txt").toString(),
                "-o", html.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + html + ": 1 known product with known breakages, 1 warning, 2 notes", run.out().strip());
        String page = Files.readString(html);
        assertTrue(page.contains("<strong>Lavasoft Web Companion</strong>"), page);
        assertTrue(page.contains("moby-27423_lavasoft_part1.txt</code>"), page);
    }

    @Test
    void aRepairPlanMadeByRepairPlanIsASectionOfTheReport() throws Exception {
        Path windows10 = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        Path planFile = dir.resolve("plan.json");
        CliRun plan = wpuscope("repair", "plan", windows10.toString(), "--lsp", RepairCommandTest.TENCENT64, "-o",
                planFile.toString());
        assertEquals(0, plan.exitCode(), plan.err());
        Path html = dir.resolve("report.html");
        CliRun run = wpuscope("report", windows10.toString(), "--plan", planFile.toString(), "-o", html.toString());
        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Repair plan</h2>"), page);
        assertEquals(8, page.split("catalog: remove ", -1).length - 1, "4 removals in each catalog");
        assertTrue(page.contains("ierd_tgp_lsp64.dll") || page.contains("#1020"), page);
        assertTrue(!page.contains("<h3>Refused</h3>"), page);
    }

    @Test
    void aDamagedPlanFileIsOneMessageAndNoReport() throws Exception {
        Path planFile = Files.writeString(dir.resolve("plan.json"), "{\"not\": \"a plan\"");
        Path html = dir.resolve("r.html");
        CliRun run = wpuscope("report", SharedSamples.file("reg/cingchun_bccc_winsock2.reg").toString(), "--plan",
                planFile.toString(), "-o", html.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("plan.json"), run.err());
        assertTrue(!Files.exists(html), "no report with a plan that could not be read");
    }

    @Test
    void withoutAnOutputFileItSaysWhatIsMissing() {
        CliRun run = wpuscope("report", "x.reg");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--output=<report.html>'"), run.err());
    }

    @Test
    void anUnreadableSourceIsOneMessage() {
        CliRun run = wpuscope("report", dir.resolve("absent.reg").toString(), "-o", dir.resolve("r.html").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(!Files.exists(dir.resolve("r.html")), "no report for a source that could not be read");
    }
}
