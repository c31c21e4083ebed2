package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.platform.Elevation;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.InMemoryCatalog;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wpuscope tracer ...} on the real Windows 10 export, with an in-memory catalog standing in for --live. */
class TracerCommandTest {

    @TempDir
    Path dir;

    private Path windows10;
    private String dllDir;
    private String backupDir;

    @BeforeEach
    void setUp() throws Exception {
        windows10 = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        for (String arch : List.of("x64", "x86")) {
            Files.createDirectories(dir.resolve("dlls").resolve(arch));
            Files.writeString(dir.resolve("dlls").resolve(arch).resolve("wputrace.dll"), "MZ");
        }
        dllDir = dir.resolve("dlls").toString();
        backupDir = dir.resolve("backups").toString();
    }

    private static LiveCatalog live(CatalogWriter writer, boolean elevated) {
        return WritableLiveCatalog.of(writer, elevated);
    }

    private static CliRun run(LiveCatalog live, String input, String... args) {
        return CliRun.of(new TracerCommand(CatalogSources::read, live, new BufferedReader(new StringReader(input))), args);
    }

    private static CliRun offline(String... args) {
        return run(LiveCatalog.forThisMachine(), "", args);
    }

    private InMemoryCatalog memory() throws Exception {
        return InMemoryCatalog.of(CatalogSources.read(windows10));
    }

    private static List<String> bytes(InMemoryCatalog memory) throws CatalogWriteException {
        List<String> all = new ArrayList<>();
        for (Bitness bitness : memory.catalogs()) {
            memory.enumerate(bitness).entries().forEach(e -> all.add(HexFormat.of().formatHex(
                    PackedCatalogItem.encode(e))));
        }
        return all;
    }

    @Test
    void planPrintsTheChangesForACatalogFile() {
        CliRun run = offline("plan", windows10.toString(), "--protocol", "6", "--dll-dir", dllDir);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Plan: attach the wpuscope tracer to every visible entry of protocol 6"),
                run.out());
        assertTrue(run.out().contains("C1  \"wpuscope tracer over [@%SystemRoot%\\System32\\mswsock.dll,-60100]\""
                + "  chain [T, 1007]"), run.out());
        assertTrue(run.out().contains("chain [T, 1020, 1007]"), "the 64-bit LSP chain over TCP: " + run.out());
    }

    @Test
    void planAsJson() throws Exception {
        CliRun run = offline("plan", windows10.toString(), "--entry", "1001", "--json", "--dll-dir", dllDir);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, new ObjectMapper().readTree(run.out()).get("catalogs").size());
    }

    @Test
    void planRefusesANetshDumpWithItsReasons() {
        Path netsh = SharedSamples.file("netsh/trio-52_win10_hyperv_part1.txt");
        CliRun run = offline("plan", netsh.toString(), "--all", "--dll-dir", dllDir);
        assertEquals(TracerCommand.EXIT_REFUSED, run.exitCode());
        assertTrue(run.err().contains("refused, nothing would be safe to change:\n  - 32-bit catalog: its provider"
                + " order is unknown"), run.err());
    }

    @Test
    void liveCommandsSayClearlyWhenThereIsNoLiveCatalog() {
        LiveCatalog linux = new LiveCatalog() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("the live Winsock catalog exists only on Windows (this is Linux)");
            }

            @Override
            public CatalogWriter writer() {
                throw new AssertionError("not reachable");
            }

            @Override
            public Elevation elevation() {
                throw new AssertionError("not reachable");
            }
        };
        for (String[] args : List.of(new String[] {"install", "--live", "--all"}, new String[] {"remove", "--live"},
                new String[] {"status", "--live"})) {
            CliRun run = run(linux, "", args);
            assertEquals(TracerCommand.EXIT_UNAVAILABLE, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().contains("only on Windows (this is Linux)"), run.err());
        }
        CliRun noLive = run(linux, "", "install", "--all");
        assertEquals(TracerCommand.EXIT_UNAVAILABLE, noLive.exitCode());
        assertTrue(noLive.err().contains("add --live"), noLive.err());
    }

    @Test
    void installAsksFirstAndChangesNothingWithoutYes() throws Exception {
        InMemoryCatalog memory = memory();
        List<String> before = bytes(memory);
        CliRun run = run(live(memory, true), "n\n", "install", "--live", "--all", "--dll-dir", dllDir,
                "--backup-dir", backupDir);
        assertEquals(TracerCommand.EXIT_REFUSED, run.exitCode());
        assertTrue(run.out().contains("Install the tracer as shown? [y/N] Not confirmed: nothing was changed."),
                run.out());
        assertEquals(before, bytes(memory));
    }

    @Test
    void installStatusRemoveRoundTrip() throws Exception {
        InMemoryCatalog memory = memory();
        List<String> before = bytes(memory);
        CliRun installed = run(live(memory, true), "y\n", "install", "--live", "--family", "2", "--dll-dir", dllDir,
                "--backup-dir", backupDir);
        assertEquals(0, installed.exitCode(), installed.out() + installed.err());
        assertTrue(installed.out().contains("Outcome: APPLIED"), installed.out());
        assertTrue(installed.out().contains("Catalog backup: " + backupDir), installed.out());
        assertNotEquals(before, bytes(memory));
        CliRun status = run(live(memory, true), "", "status", "--live");
        assertTrue(status.out().contains("64-bit catalog: the tracer is installed"), status.out());
        CliRun removed = run(live(memory, true), "", "remove", "--live", "--yes", "--backup-dir", backupDir);
        assertEquals(0, removed.exitCode(), removed.out() + removed.err());
        assertEquals(before, bytes(memory));
        CliRun again = run(live(memory, true), "", "remove", "--live", "--yes", "--backup-dir", backupDir);
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("The tracer is not installed: nothing to remove."), again.out());
    }

    @Test
    void restoreGoesBackToTheBackupThatInstallSaved() throws Exception {
        InMemoryCatalog memory = memory();
        List<String> before = bytes(memory);
        CliRun installed = run(live(memory, true), "", "install", "--live", "--entry", "1001", "--yes", "--dll-dir",
                dllDir, "--backup-dir", backupDir);
        assertEquals(0, installed.exitCode(), installed.out());
        String backup;
        try (var files = Files.list(Path.of(backupDir))) {
            backup = files.findFirst().orElseThrow().toString();
        }
        CliRun restored = run(live(memory, true), "y\n", "restore", "--live", backup);
        assertEquals(0, restored.exitCode(), restored.out() + restored.err());
        assertTrue(restored.out().contains("Done: the catalog is verified equal to the backup"), restored.out());
        assertEquals(before, bytes(memory));
    }

    @Test
    void aFailedInstallIsRolledBackAndExitsWithFour() throws Exception {
        InMemoryCatalog memory = memory().failOn(InMemoryCatalog.Operation.WRITE_ORDER, 2,
                InMemoryCatalog.FailureMode.AFTER_EFFECT);
        List<String> before = bytes(memory);
        CliRun run = run(live(memory, true), "", "install", "--live", "--all", "--yes", "--dll-dir", dllDir,
                "--backup-dir", backupDir);
        assertEquals(TracerCommand.EXIT_ROLLED_BACK, run.exitCode(), run.out());
        assertTrue(run.out().contains("Outcome: ROLLED_BACK"), run.out());
        assertEquals(before, bytes(memory));
    }

    @Test
    void installIsRefusedWithoutElevation() throws Exception {
        InMemoryCatalog memory = memory();
        CliRun run = run(live(memory, false), "", "install", "--live", "--all", "--yes", "--dll-dir", dllDir,
                "--backup-dir", backupDir);
        assertEquals(TracerCommand.EXIT_REFUSED, run.exitCode());
        assertTrue(run.out().contains("needs administrator rights"), run.out());
        assertEquals(0, memory.calls(InMemoryCatalog.Operation.INSTALL));
    }

    @Test
    void statusOfACatalogFile() {
        CliRun run = offline("status", windows10.toString());
        assertEquals(0, run.exitCode());
        assertEquals("64-bit catalog: the tracer is not installed\n32-bit catalog: the tracer is not installed\n",
                run.out());
    }

}
