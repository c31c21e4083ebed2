package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.source.reg.SyntheticCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceSummaryCommandTest {

    private static final Path GOLDEN = Path.of(System.getProperty("wpuscope.root", "."), "resources",
            "trace-format", "golden");

    /** Runs the CLI; returns exit code, stdout and stderr. */
    static String[] run(String... args) {
        CommandLine cli = WpuscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void summaryOfTheGoldenVectorCountsAndListsEveryPlantedMisuse() {
        String[] r = run("trace", "summary", GOLDEN.resolve("basic.wputrace").toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains(": 26 records"), out);
        assertTrue(out.contains("pid 4242  C:\\wpuscope\\wpuhost.exe  64-bit, 20 upcalls (3 failed), 3 dropped,"
                + " 1 load session (1 ended at process exit)\n"
                + "    load session 1: 20 upcalls (3 failed), 3 dropped, ended at process exit (23 emitted)\n"
                + "      traced: catalog entry 2001 (wputrace over [Sample non-IFS TCP]) over next provider 1001"
                + " {"), out);
        assertTrue(out.matches("(?s).*\n  WPUCloseSocketHandle +2  \\(1 failed\\)\n.*"), out);
        assertTrue(out.contains("Z:\\build\\x64\\sample_nonifs.dll: 20 calls, mixed"), out);
        assertTrue(out.contains("socket handles       4: 1 close not traced, 1 closed twice, 1 unknown, 1 failed creation"), out);
        assertTrue(out.contains("Findings (7: 5 warning, 2 error):"), out);
        for (String planted : new String[] {"closed twice: socket handle 0x2c8", "never created in the trace:"
                + " socket handle 0x999", "null out-argument", "creation failed: WPUCreateSocketHandle",
            "provider called both"}) {
            assertTrue(out.contains(planted), planted);
        }
    }

    @Test
    void summaryOfARealCaptureFromTheTestHostReportsTheMisuseScenario() {
        Path capture = GOLDEN.getParent().getParent().resolve("captures/scenario-all-x64.wputrace");
        Assumptions.assumeTrue(Files.exists(capture), "no recorded capture " + capture);
        String[] r = run("trace", "summary", capture.toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("64-bit, 39 upcalls (4 failed), 0 dropped, ended (39 emitted)"), out);
        assertTrue(out.contains("sample_nonifs.dll: 39 calls, non-IFS (inferred:"), out);
        assertTrue(out.contains("Findings (4: 1 warning, 3 error):"), out);
        for (String planted : new String[] {"closed twice: socket handle", "never created in the trace: socket handle",
            "not closed before the process ended: socket handle", "not closed before the process ended: event"}) {
            assertTrue(out.contains(planted), planted);
        }
    }

    @Test
    void aCatalogGivenWithTheCaptureDecidesTheProvidersIfsKind(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("machine.reg");
        Files.write(catalog, SyntheticCatalog.utf16(SyntheticCatalog.export(SyntheticCatalog.smallCatalog())));
        String capture = GOLDEN.resolve("basic.wputrace").toString();

        String[] withCatalog = run("trace", "summary", "--catalog", catalog.toString(), capture);
        assertEquals("0", withCatalog[0], withCatalog[2]);
        assertTrue(withCatalog[1].contains("Z:\\build\\x64\\sample_nonifs.dll: 20 calls, IFS (catalog entry 1001 has"
                + " XP1_IFS_HANDLES)"), withCatalog[1]);

        String[] noSuchBitness = run("trace", "summary", "--catalog", catalog.toString(), "--catalog-bitness", "16",
                capture);
        assertEquals("2", noSuchBitness[0]);
        assertTrue(noSuchBitness[2].contains("--catalog-bitness must be 64 or 32"), noSuchBitness[2]);
    }

    @Test
    void summaryOfOneProcessWithTwoLoadSessionsListsEachWithHowItEnded() {
        String[] r = run("trace", "summary", GOLDEN.resolve("load-sessions.wputrace").toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("Processes (1), 0 events dropped:\n"
                + "  pid 4242  C:\\wpuscope\\wpuhost.exe  64-bit, 8 upcalls (2 failed), 0 dropped, 2 load sessions"
                + " (1 ended at WSPCleanup, 1 at process exit)\n"
                + "    load session 1: 4 upcalls (1 failed), 0 dropped, ended at WSPCleanup (4 emitted)\n"
                + "    load session 2: 4 upcalls (1 failed), 0 dropped, ended at process exit (4 emitted)\n"), out);
        assertTrue(out.contains("socket handles       2: 2 closed"), "one handle value, a new handle in each session");
        assertTrue(out.contains("Findings (2: 2 warning):"), out);
        assertTrue(out.contains("WPUCreateEvent failed to create an event, no error code given"), out);
    }

    @Test
    void damageIsListedWithItsOffset() {
        String[] r = run("trace", "summary", GOLDEN.resolve("damaged.wputrace").toString());
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("Damage and gaps (1):\n  damage at byte offset 199 (0xc7), 95 bytes skipped"), r[1]);
    }

    @Test
    void unreadableCapturesGiveOneLineAndExitCode2() {
        String[] r = run("trace", "summary", GOLDEN.resolve("newer-major.wputrace").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].endsWith("newer-major.wputrace: capture format 2.0 is newer than this wpuscope reads (1.x)\n"),
                r[2]);
        assertEquals("2", run("trace", "summary", "/no/such/file.wputrace")[0]);
    }

    /** A capture cut at a record boundary before its goodbye: summary and export both say the stream ended short. */
    @Test
    void aCaptureCutBeforeItsGoodbyeIsSaidToEndShort(@TempDir Path dir) throws Exception {
        byte[] capture = dev.wpuscope.trace.io.RecordedCaptures.bytes("scenario-all-x64");
        Path cut = dir.resolve("cut.wputrace");
        Files.write(cut, java.util.Arrays.copyOf(capture, 4214)); // the goodbye starts at 4214
        String[] summary = run("trace", "summary", cut.toString());
        assertTrue(summary[1].contains("Damage and gaps (1):\n  byte offset 4214 (0x1076): the stream of pid 260 from"
                + " byte offset 0 ends without PROCESS_GOODBYE"), summary[1]);
        CliRun export = CliRun.of(new TraceExportCommand(), "--csv", "-o", dir.resolve("cut.csv").toString(),
                cut.toString());
        assertEquals("wpuscope: warning: " + cut + ": byte offset 4214 (0x1076): the stream of pid 260 from byte"
                + " offset 0 ends without PROCESS_GOODBYE (the capture was cut, or the process ended before its"
                + " tracer said goodbye)\n", export.err().replace(System.lineSeparator(), "\n"));
    }
}
