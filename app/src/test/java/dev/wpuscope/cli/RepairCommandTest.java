package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.platform.LiveCatalog;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wpuscope repair ...}: a plan made from the real Windows 10 export, saved, and applied to an in-memory
 * catalog standing in for the customer's live one; the backup restores it.
 */
class RepairCommandTest {

    static final String TENCENT64 = "71708dd8-8c0e-4318-b17d-8ba2a2381916";

    @TempDir
    Path dir;

    private static LiveCatalog live(CatalogWriter writer) {
        return WritableLiveCatalog.of(writer, true);
    }

    private static CliRun run(LiveCatalog live, String input, String... args) {
        return CliRun.of(new RepairCommand(CatalogSources::read, live, new BufferedReader(new StringReader(input))),
                args);
    }

    @Test
    void aPlanMadeOfflineIsAppliedOnTheMachineAndItsBackupRestoresIt() throws Exception {
        Path windows10 = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        Path planFile = dir.resolve("plan.json");
        CliRun plan = run(LiveCatalog.forThisMachine(), "", "plan", windows10.toString(), "--lsp", TENCENT64, "-o",
                planFile.toString());
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("64-bit catalog (Catalog_Entries64): 4 removed, 0 moved"), plan.out());
        assertTrue(plan.out().contains("32-bit catalog: 0 added, 4 removed, 0 changed, 0 moved"), plan.out());
        assertTrue(Files.exists(planFile));

        InMemoryCatalog memory = InMemoryCatalog.of(CatalogSources.read(windows10));
        CliRun notConfirmed = run(live(memory), "n\n", "apply", "--live", "--plan", planFile.toString(),
                "--backup-dir", dir.resolve("backups").toString());
        assertEquals(3, notConfirmed.exitCode());
        assertEquals(19, memory.enumerate(Bitness.X64).entries().size());

        CliRun applied = run(live(memory), "y\n", "apply", "--live", "--plan", planFile.toString(), "--backup-dir",
                dir.resolve("backups").toString());
        assertEquals(0, applied.exitCode(), applied.out() + applied.err());
        assertTrue(applied.out().contains("Outcome: APPLIED"), applied.out());
        assertEquals(15, memory.enumerate(Bitness.X64).entries().size());
        assertEquals(15, memory.enumerate(Bitness.X86).entries().size());

        Path backup;
        try (var files = Files.list(dir.resolve("backups"))) {
            backup = files.findFirst().orElseThrow();
        }
        CliRun restored = run(live(memory), "", "restore", "--live", "--yes", "--backup", backup.toString(),
                "--backup-dir", dir.resolve("backups").toString());
        assertEquals(0, restored.exitCode(), restored.out() + restored.err());
        assertEquals(19, memory.enumerate(Bitness.X64).entries().size());

        CliRun again = run(live(memory), "", "apply", "--live", "--yes", "--plan", planFile.toString(),
                "--backup-dir", dir.resolve("backups").toString());
        assertEquals(3, again.exitCode(), "the restored catalog has new ids for the LSP: not the plan's catalog");
        assertTrue(again.out().contains("is not the one the plan was made from"), again.out());
    }

    @Test
    void refusalsAndBadInput() throws Exception {
        Path windows10 = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        CliRun refused = run(LiveCatalog.forThisMachine(), "", "plan", windows10.toString(), "--entry", "1007");
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("is a base provider"), refused.err());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"wpuscope-repair-plan\", \"version\": 9}");
        CliRun unreadable = run(live(InMemoryCatalog.of(CatalogSources.read(windows10))), "", "apply", "--live",
                "--plan", bad.toString());
        assertEquals(2, unreadable.exitCode());
        assertTrue(unreadable.err().contains("bad.json: repair plan version 9 is not supported"), unreadable.err());
    }
}
