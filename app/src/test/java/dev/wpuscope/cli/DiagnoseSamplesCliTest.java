package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.wpuscope.catalog.SharedSamples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code wpuscope diagnose} on every real sample, through the root command as a user runs it. */
class DiagnoseSamplesCliTest {

    static CliRun wpuscope(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WpuscopeCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * Exit code per sample: 3 where a non-IFS LSP or a known product with known breakages (LavasoftLSP, WPS021) is
     * visible, 2 for the legacy key without a catalog.
     */
    static final Map<String, Integer> EXPECTED_EXIT = Map.ofEntries(
            Map.entry("cingchun_bccc_winsock2.reg", 3),
            Map.entry("cingchun_bccc_winsock.reg", 2),
            Map.entry("distrobuilder_viosock_extracted.reg", 0),
            Map.entry("moby-27423_lavasoft_part1.txt", 3),
            Map.entry("moby-27423_lavasoft_part2.txt", 3),
            Map.entry("moby-27423_lavasoft_part3_rsvp.txt", 0),
            Map.entry("moby-27423_lavasoft_part4_wow64.txt", 0),
            Map.entry("trio-52_win10_hyperv_part1.txt", 0),
            Map.entry("trio-52_win10_hyperv_part2.txt", 0),
            Map.entry("wsl-40110_win11_reset_part1.txt", 0),
            Map.entry("wsl-40110_win11_reset_part2_afunix.txt", 0));

    @Test
    void everySampleExitsByItsWorstFinding() {
        List<Path> files = new ArrayList<>(SharedSamples.all("reg"));
        files.addAll(SharedSamples.all("netsh"));
        for (Path file : files) {
            CliRun run = wpuscope("diagnose", file.toString());
            String name = file.getFileName().toString();
            assertEquals(EXPECTED_EXIT.get(name), run.exitCode(), name + "\n" + run.out() + run.err());
            if (run.exitCode() == 2) {
                assertTrue(run.err().startsWith("wpuscope: " + file + ": holds no Winsock 2 catalog"), run.err());
                assertEquals(1, run.err().strip().lines().count(), "one message, no stack trace");
            } else {
                assertTrue(run.out().startsWith("Diagnosis of " + file), run.out());
                assertTrue(run.out().contains("(exit code " + run.exitCode() + ")"), run.out());
            }
        }
    }

    @Test
    void tencentReportNamesTheLspAndItsChains() {
        Path file = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        String out = wpuscope("diagnose", file.toString()).out();
        assertTrue(out.contains("64-bit catalog: 19 entries, 32-bit catalog: 19 entries; 2 layered (LSP) entries"), out);
        assertTrue(out.contains("[WPS007] ierd_tgp_lsp is a non-IFS LSP (no XP1_IFS_HANDLES) over TCP/IPv4, UDP/IPv4, "
                + "SOCK_RAW/IPv4"), out);
        assertTrue(out.contains("ierd_tgp_lsp over [MSAFD Tcpip [UDP/IP]] (32-bit #1018)"), out);
        assertTrue(out.contains("Summary: 0 errors, 5 warnings, 6 notes (exit code 3)"), out);
    }

    /** The "done": diagnose on the LavasoftLSP dump names the product, its Docker breakage and the source. */
    @Test
    void lavasoftDumpNamesWebCompanionItsDockerBreakageAndTheSource() throws Exception {
        Path file = SharedSamples.file("netsh/moby-27423_lavasoft_part1.txt");
        String out = wpuscope("diagnose", file.toString()).out();
        assertTrue(out.contains("- 64-bit LavasoftLSP: Lavasoft Web Companion (matched by GUID"), out);
        assertTrue(out.contains("[WPS021] LavasoftLSP is Lavasoft Web Companion"), out);
        assertTrue(out.contains("known to break Docker for Windows (docker CLI)"), out);
        assertTrue(out.contains("https://github.com/moby/moby/issues/27423"), out);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(wpuscope("diagnose", "--json", file.toString()).out());
        com.fasterxml.jackson.databind.JsonNode lsp = json.get("lsps").get(0);
        assertEquals("lavasoft-web-companion", lsp.get("product").asText());
        assertEquals("matched by GUID", lsp.get("matchedBy").asText());
        assertEquals("{1C39A736-9641-4F43-9C20-AEED81692A07}", lsp.get("matched").asText());
    }

    @Test
    void diffOfTheExportWithItselfIsEmpty() {
        Path file = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        CliRun run = wpuscope("diff", file.toString(), file.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("The catalogs are the same."));
    }

    @Test
    void liveOffWindowsIsOneClearMessage() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"));
        CliRun run = wpuscope("diagnose", "--live");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("wpuscope: --live reads the catalog of the Windows machine"), run.err());
    }
}
