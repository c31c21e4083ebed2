package dev.wpuscope.catalog.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.RawBytes;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    /** A snapshot with what a netsh source leaves unknown, odd strings and every optional part filled. */
    static CatalogSnapshot handMade() {
        ProtocolInfo partial = new ProtocolInfo(0x20066, null, null, null, null,
                UUID.fromString("e70f1aa0-ab8b-11cf-8ca3-00805f48a192"), 1001, 1, List.of(), 2, 2, 16, 16, 1, 6,
                0, 0, 0, null, null, "MSAFD Tcpip [TCP/IP] \u817e\u8baf \ud800 end");
        ProtocolInfo empty = new ProtocolInfo(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        Catalog x64 = new Catalog(Bitness.X64, List.of(
                new CatalogEntry(partial, null, "@%SystemRoot%\\System32\\mswsock.dll,-60100",
                        RawBytes.of(new byte[] {0, 1, (byte) 0xff}), "line 7"),
                new CatalogEntry(empty, "C:\\x.dll", null, null, null)), false);
        return new CatalogSnapshot(SourceKind.NETSH, "dump \"1\".txt", Map.of(Bitness.X64, x64,
                Bitness.X86, new Catalog(Bitness.X86, List.of(), true)),
                List.of(new NamespaceProvider(Bitness.X86, "ns.dll", null, null, 12, true, null, false, null, "o")),
                List.of(new AppIdRule("0A", "C:\\a.exe", 0x80000000), new AppIdRule("0B", null, null)),
                Map.of(UUID.fromString("11111111-2222-3333-4444-555555555555"), 0x80000001),
                List.of("netsh prints no provider flags"), List.of("dump.txt:3: partial block skipped"));
    }

    private static CatalogSnapshot roundTrip(CatalogSnapshot snapshot) throws CatalogReadException {
        return SnapshotJson.read(SnapshotJson.write(snapshot), "s.json");
    }

    @Test
    void roundTripsEveryValueIncludingNullsAndOddStrings() throws Exception {
        CatalogSnapshot snapshot = handMade();
        assertEquals(snapshot, roundTrip(snapshot));
        String json = new String(SnapshotJson.write(snapshot), StandardCharsets.US_ASCII);
        assertTrue(json.startsWith("{\n  \"format\" : \"wpuscope-catalog-snapshot\",\n  \"version\" : 1,"), json);
        assertTrue(json.contains("\"packedItem\" : \"0001ff\""), json);
        assertFalse(json.contains("displayName"), json);
    }

    @Test
    void theVersionOneFormatStaysReadable() throws Exception {
        byte[] golden;
        try (InputStream in = SnapshotJsonTest.class.getResourceAsStream("snapshot-v1.json")) {
            golden = in.readAllBytes();
        }
        assertEquals(handMade(), SnapshotJson.read(golden, "snapshot-v1.json"));
        assertArrayEquals(golden, SnapshotJson.write(handMade()));
    }

    @Test
    void everyRegSampleRoundTripsThroughASnapshot() throws Exception {
        RegExportFormat reg = new RegExportFormat();
        int read = 0;
        for (Path file : SharedSamples.all("reg")) {
            CatalogSnapshot snapshot;
            try {
                snapshot = reg.read(file);
            } catch (CatalogReadException noCatalog) {
                continue;
            }
            assertEquals(snapshot, roundTrip(snapshot), file.toString());
            read++;
        }
        assertEquals(2, read);
    }

    @Test
    void rejectsANewerVersionClearly() {
        String json = "{\"format\":\"wpuscope-catalog-snapshot\",\"version\":2,\"somethingNew\":[]}";
        assertEquals("n.json: snapshot format version 2 is newer than this wpuscope reads (version 1); open it with"
                + " a newer wpuscope", error(json));
    }

    @Test
    void reportsJsonErrorsWithLineAndColumn() {
        assertEquals("s.json:2:7: Unexpected character ('1' (code 49)): was expecting a colon to separate field name"
                + " and value", error("{\n  \"a\" 1}"));
        assertEquals("s.json:2:4: Unexpected close marker '}': expected ']' (for root starting at [line: 1])",
                error("{\n  }}"));
        String valid = new String(SnapshotJson.write(handMade()), StandardCharsets.UTF_8);
        String message = error(valid.replace("\"kind\" : \"NETSH\"", "\"kind\" : \"FLOPPY\""));
        assertTrue(message.startsWith("s.json:4:12: Cannot deserialize value of type"), message);
        assertTrue(message.endsWith("(at kind)"), message);
        message = error(valid.replace("\"packedItem\" : \"0001ff\"", "\"packedItem\" : \"0001f\""));
        assertTrue(message.matches("s\\.json:\\d+:\\d+: .*even number of hex digits.*"), message);
        message = error(valid.replace("\"warnings\" : [ \"dump.txt:3: partial block skipped\" ]",
                "\"warnings\" : [ null ]"));
        assertTrue(message.matches("s\\.json:\\d+:\\d+: .*null.*\\(at warnings\\[0]\\)"), message);
        message = error(valid.replace("\"location\" : \"dump \\\"1\\\".txt\",", ""));
        assertTrue(message.matches("s\\.json:\\d+:\\d+: .*Missing creator property 'location'.*"), message);
        message = error(valid.replace("\"catalogs\" : {", "\"catalogs\" : null, \"x\" : {"));
        assertTrue(message.startsWith("s.json:"), message);
    }

    @Test
    void rejectsOtherJsonAndModelViolations() {
        assertEquals("n.json: not a wpuscope snapshot: \"format\" must be \"wpuscope-catalog-snapshot\", found"
                + " \"other\"", error("{\"format\":\"other\"}"));
        assertEquals("n.json: not a wpuscope snapshot: the file is not one JSON object", error("[1]"));
        assertEquals("n.json: \"version\" must be a whole number from 1, found \"1\"",
                error("{\"format\":\"wpuscope-catalog-snapshot\",\"version\":\"1\"}"));
        String valid = new String(SnapshotJson.write(handMade()), StandardCharsets.UTF_8);
        assertEquals("n.json: snapshot value catalogs.X86.bitness (must be X86) is missing or wrong",
                errorNamed(valid.replace("\"bitness\" : \"X86\",\n      \"entries\" : [ ]",
                        "\"bitness\" : \"X64\",\n      \"entries\" : [ ]")));
    }

    private static String error(String json) {
        return assertThrows(CatalogReadException.class, () -> SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8),
                json.contains("\"version\":2") || !json.contains("\n") ? "n.json" : "s.json")).getMessage();
    }

    private static String errorNamed(String json) {
        return assertThrows(CatalogReadException.class,
                () -> SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), "n.json")).getMessage();
    }

    /** Writes the golden file; run by hand only when the format version changes. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), SnapshotJson.write(handMade()));
    }
}
