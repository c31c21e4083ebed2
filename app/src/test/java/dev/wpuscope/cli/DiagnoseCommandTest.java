package dev.wpuscope.cli;

import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.CatalogFixtures.Lsp;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import org.junit.jupiter.api.Test;

class DiagnoseCommandTest {

    static CliRun diagnose(CatalogSnapshot snapshot, String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "customer.reg";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return CliRun.of(new DiagnoseCommand(file -> snapshot), args);
    }

    static CatalogSnapshot withNonIfsLsp() {
        CatalogBuilder x64 = windows(Bitness.X64);
        x64.lsp("Old LSP", "C:\\old\\old64.dll", false, x64.get(1001), x64.get(1002), x64.get(1003));
        CatalogBuilder x86 = windows(Bitness.X86);
        x86.lsp("Old LSP", "C:\\old\\old.dll", false, x86.get(1001), x86.get(1002), x86.get(1003));
        return snapshot(x64, x86).build();
    }

    @Test
    void cleanCatalogExitsZero() {
        CliRun run = diagnose(snapshot(windows(Bitness.X64), windows(Bitness.X86)).build());
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("Summary: 0 errors, 0 warnings"), run.out());
    }

    @Test
    void warningsExitThreeAndAreReadable() {
        CliRun run = diagnose(withNonIfsLsp());
        assertEquals(3, run.exitCode(), run.out());
        String out = run.out();
        assertTrue(out.contains("WARNING (2)"), out);
        assertTrue(out.contains("[WPS007] Old LSP is a non-IFS LSP (no XP1_IFS_HANDLES) over TCP/IPv4, UDP/IPv4"), out);
        assertTrue(out.contains("Entries: Old LSP (64-bit #1007)"), out);
        assertTrue(out.contains("Old LSP over [MSAFD Tcpip [TCP/IP]] (64-bit #1008)"), out);
        assertTrue(out.contains("Why:     Sockets created through these chains"), out);
        assertTrue(out.contains("Remedy:  "), out);
        assertTrue(out.indexOf("WARNING (") < out.indexOf("INFO ("), "worst first");
        out.lines().forEach(l -> assertTrue(l.length() <= TextBlock.WIDTH + 40, "line too long: " + l));
    }

    @Test
    void errorsExitFour() {
        CatalogBuilder c = windows(Bitness.X64);
        Lsp lsp = c.lsp("Gone", "C:\\gone.dll", true, c.get(1001));
        c.remove(lsp.layered().id());
        CliRun run = diagnose(snapshot(c).build());
        assertEquals(4, run.exitCode(), run.out());
        assertTrue(run.out().contains("ERROR (1)"), run.out());
        assertTrue(run.out().contains("[WPS002]"), run.out());
    }

    @Test
    void jsonCarriesEveryFindingAndTheExitCode() throws Exception {
        CliRun run = diagnose(withNonIfsLsp(), "--json");
        assertEquals(3, run.exitCode());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("WARNING", root.get("worstSeverity").asText());
        assertEquals(3, root.get("exitCode").asInt());
        JsonNode first = root.get("findings").get(0);
        assertEquals("WPS007", first.get("ruleId").asText());
        assertEquals("X64", first.get("entries").get(0).get("catalog").asText());
        assertEquals(1007, first.get("entries").get(0).get("catalogEntryId").asInt());
        assertFalse(first.get("remedy").asText().isEmpty());
    }

    @Test
    void badInputIsOneMessageAndExitTwo() {
        CliRun run = CliRun.of(new DiagnoseCommand(file -> {
            throw CatalogReadException.atLine(file.toString(), 12, "not a registry line");
        }), "broken.reg");
        assertEquals(2, run.exitCode());
        assertEquals("wpuscope: broken.reg:12: not a registry line", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of(new DiagnoseCommand(), "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("4   worst finding is an ERROR"), run.out());
        assertTrue(run.out().contains("3   worst finding is a WARNING"), run.out());
    }

    @Test
    void registeredUnderTheRootCommand() {
        assertTrue(WpuscopeCommand.commandLine().getSubcommands().containsKey("diagnose"));
        assertTrue(WpuscopeCommand.commandLine().getSubcommands().containsKey("diff"));
    }
}
