package dev.wpuscope.cli;

import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ServiceFlag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffCommandTest {

    static CliRun diff(CatalogSnapshot a, CatalogSnapshot b, String... extra) {
        Map<String, CatalogSnapshot> files = Map.of("customer.reg", a, "clean.reg", b);
        String[] args = new String[extra.length + 2];
        args[0] = "customer.reg";
        args[1] = "clean.reg";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CliRun.of(new DiffCommand(file -> files.get(file.toString())), args);
    }

    static CatalogSnapshot customer() {
        CatalogBuilder c = windows(Bitness.X64);
        c.lsp("Adware", "C:\\adware\\lsp.dll", false, c.get(1001));
        c.edit(1002, i -> {
            i.flags1 = i.flags1 & ~ServiceFlag.IFS_HANDLES.bit();
            return i;
        });
        return snapshot(c).build();
    }

    @Test
    void sameCatalogsExitZero() {
        CatalogSnapshot clean = snapshot(windows(Bitness.X64)).build();
        CliRun run = diff(clean, clean);
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("The catalogs are the same."));
    }

    @Test
    void differencesAreReadableAndExitOne() {
        CliRun run = diff(customer(), snapshot(windows(Bitness.X64)).build());
        assertEquals(1, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("64-bit catalog: 0 added, 2 removed, 1 changed, 0 moved"), out);
        assertTrue(out.contains("  - Adware (layered entry, C:\\adware\\lsp.dll) #1007"), out);
        assertTrue(out.contains("  - Adware over [MSAFD Tcpip [TCP/IP]] (TCP/IPv4, protocol chain"), out);
        assertTrue(out.contains("  ~ MSAFD Tcpip [UDP/IP] (UDP/IPv4, base provider"), out);
        assertTrue(out.contains("      dwServiceFlags1: 0x609 -> 0x20609  (+XP1_IFS_HANDLES)"), out);
    }

    @Test
    void jsonListsChangesWithEntrySummaries() throws Exception {
        CliRun run = diff(customer(), snapshot(windows(Bitness.X64)).build(), "--json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode c = root.get("catalogs").get(0);
        assertEquals("64-bit", c.get("catalog").asText());
        assertEquals(2, c.get("removed").size());
        assertEquals("dwServiceFlags1", c.get("changed").get(0).get("fields").get(0).get("field").asText());
        assertEquals(1002, c.get("changed").get(0).get("before").get("catalogEntryId").asInt());
    }
}
