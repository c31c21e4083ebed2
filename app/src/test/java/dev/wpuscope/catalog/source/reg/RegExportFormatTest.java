package dev.wpuscope.catalog.source.reg;

import static dev.wpuscope.catalog.source.reg.SyntheticCatalog.PARAMETERS;
import static dev.wpuscope.catalog.source.reg.SyntheticCatalog.entryKey;
import static dev.wpuscope.catalog.source.reg.SyntheticCatalog.hexValue;
import static dev.wpuscope.catalog.source.reg.SyntheticCatalog.smallCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegExportFormatTest {

    private static final String V5 = "Windows Registry Editor Version 5.00\r\n\r\n";
    private final RegExportFormat format = new RegExportFormat();
    private final List<PackedCatalogItem> items = smallCatalog();

    private CatalogSnapshot read(String text) throws CatalogReadException {
        return format.read(SyntheticCatalog.utf16(text), "t.reg");
    }

    private String readError(String text) {
        return assertThrows(CatalogReadException.class, () -> read(text)).getMessage();
    }

    private static List<Integer> ids(Catalog catalog) {
        return catalog.entries().stream().map(CatalogEntry::id).toList();
    }

    @Test
    void fullExportInBothCatalogsResolvesChains() throws Exception {
        CatalogSnapshot snapshot = read(SyntheticCatalog.export(items));
        for (Bitness bitness : Bitness.values()) {
            Catalog catalog = snapshot.catalog(bitness).orElseThrow();
            assertEquals(List.of(1001, 1002, 1003, 1004, 1005), ids(catalog));
            assertEquals("Example LSP", catalog.resolveChain(catalog.entries().get(4)).get(0).entry().displayName());
        }
        assertEquals(List.of(), snapshot.warnings());
        assertTrue(snapshot.limitations().contains("The export holds no namespace providers (NameSpace_Catalog5)."));
    }

    /** A value far larger than any Winsock value is refused with its file, line and size, read as a stream. */
    @Test
    void aHugeValueIsRefusedWithItsLineAndSize(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String export = SyntheticCatalog.export(items);
        byte[] huge = new byte[RegFileParser.MAX_VALUE_BYTES + 1];
        String body = export + "\r\n[" + PARAMETERS + "\\Big]\r\n" + hexValue("Blob", "hex:", huge);
        java.nio.file.Path file = dir.resolve("big.reg");
        java.nio.file.Files.write(file, SyntheticCatalog.utf16(body));
        long line = body.lines().count() - body.substring(body.indexOf("\"Blob\"")).lines().count() + 1;
        CatalogReadException e = assertThrows(CatalogReadException.class, () -> format.read(file));
        assertEquals(file + ":" + line + ": value \"Blob\" holds " + huge.length + " bytes, more than the "
                + RegFileParser.MAX_VALUE_BYTES + " wpuscope reads of one value (a catalog entry's PackedCatalogItem"
                + " is 888); this is not a Winsock catalog export", e.getMessage());
    }

    @Test
    void regedit4InUtf8AndAnsiIsRead() throws Exception {
        String body = "REGEDIT4\n\n[" + PARAMETERS + "\\NameSpace_Catalog5\\Catalog_Entries\\000000000001]\n"
                + "\"LibraryPath\"=\"C:\\\\Programme\\\\Grüße\\\\ns.dll\"\n"
                + hexValue("DisplayString", "hex(2):", "Caf\u00e9 NS\0".getBytes(RegText.ANSI)).replace("\r\n", "\n")
                + "\"Enabled\"=dword:0\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, RegText.ANSI)) {
            CatalogSnapshot snapshot = format.read(body.getBytes(charset), "t.reg");
            NamespaceProvider ns = snapshot.namespaceProviders().get(0);
            assertEquals("C:\\Programme\\Grüße\\ns.dll", ns.libraryPath(), charset.name());
            assertEquals("Caf\u00e9 NS", ns.displayString());
            assertEquals(Boolean.FALSE, ns.enabled());
            assertEquals(Bitness.X86, ns.bitness());
            assertTrue(snapshot.catalogs().isEmpty());
        }
    }

    @Test
    void exportOfOneSubkeyHoldsOnlyThatEntry() throws Exception {
        CatalogSnapshot snapshot = read(V5 + entryKey(PARAMETERS, "Catalog_Entries64", 4, items.get(3)));
        assertEquals(List.of(1004), ids(snapshot.catalog(Bitness.X64).orElseThrow()));
        assertTrue(snapshot.catalog(Bitness.X86).isEmpty());
        assertTrue(snapshot.limitations().contains(
                "The export holds no 32-bit protocol catalog (Protocol_Catalog9\\Catalog_Entries)."));
        Catalog catalog = snapshot.catalog(Bitness.X64).orElseThrow();
        assertTrue(catalog.resolveChain(catalog.entries().get(0)).get(0).isMissing());
    }

    @Test
    void controlSetAndHiveRelativeExportsAreRead() throws Exception {
        for (String parameters : List.of(
                "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\WinSock2\\Parameters",
                "\\ControlSet002\\Services\\Winsock2\\parameters",
                "HKEY_LOCAL_MACHINE\\OFFLINE\\ControlSet001\\Services\\WinSock2\\Parameters")) {
            CatalogSnapshot snapshot = read(V5 + entryKey(parameters, "Catalog_Entries", 1, items.get(0)));
            assertEquals(List.of(1001), ids(snapshot.catalog(Bitness.X86).orElseThrow()), parameters);
        }
    }

    @Test
    void keysInAnyOrderAreSortedByTheNumberInTheirName() throws Exception {
        String text = V5 + entryKey(PARAMETERS, "Catalog_Entries64", 10, items.get(0))
                + "[HKEY_CURRENT_USER\\Software\\Unrelated]\r\n\"x\"=dword:1\r\n\r\n"
                + entryKey(PARAMETERS, "Catalog_Entries64", 9, items.get(1))
                + entryKey(PARAMETERS, "Catalog_Entries64", 1_000_000_000_000L, items.get(2))
                + entryKey(PARAMETERS, "Catalog_Entries64", 2, items.get(3));
        Catalog catalog = read(text).catalog(Bitness.X64).orElseThrow();
        assertEquals(List.of(1004, 1002, 1001, 1003), ids(catalog));
        assertTrue(catalog.orderKnown());
    }

    @Test
    void aKeyListedTwiceIsMerged() throws Exception {
        String key = "[" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries\\000000000001]\r\n";
        String text = V5 + key + hexValue("PackedCatalogItem", "hex:", items.get(0).encode())
                + key + "\"ProtocolName\"=\"late name\"\r\n";
        CatalogEntry entry = read(text).catalog(Bitness.X86).orElseThrow().entries().get(0);
        assertEquals("late name", entry.protocolNameValue());
        assertEquals(1001, entry.id());
    }

    @Test
    void hexContinuationEdgeCases() throws Exception {
        byte[] guid = Guids.toBytes(SyntheticCatalog.LSP);
        String key = "[" + PARAMETERS + "\\NameSpace_Catalog5\\Catalog_Entries64\\000000000001]\r";
        String[] spellings = {
            "\"ProviderId\"=hex:\\\r  " + items(guid, 0, 16) + "\r",
            "\"ProviderId\"=hex:" + items(guid, 0, 8) + ",\\   \r\t" + items(guid, 8, 16) + "\r",
            "\"ProviderId\"=hex:" + items(guid, 0, 8) + "\\\r" + items(guid, 8, 16) + "  \r",
            "\"ProviderId\" = HEX(3):" + items(guid, 0, 4) + ",\\\r" + items(guid, 4, 12) + ",\\\r  \\\r"
                    + items(guid, 12, 16) + "\r",
        };
        for (String value : spellings) {
            CatalogSnapshot snapshot = read(V5.replace("\r\n", "\r") + key + value);
            assertEquals(SyntheticCatalog.LSP, snapshot.namespaceProviders().get(0).providerId(), value);
            assertEquals(Bitness.X64, snapshot.namespaceProviders().get(0).bitness());
        }
    }

    private static String items(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i > from ? "," : "").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return s.toString();
    }

    @Test
    void deletionsMissingItemsAndWrongCountsAreReportedAsWarnings() throws Exception {
        String text = V5 + "[-" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries\\000000000009]\r\n"
                + "\"ignored\"=dword:1\r\n"
                + "[" + PARAMETERS + "\\Protocol_Catalog9]\r\n\"Num_Catalog_Entries\"=dword:00000003\r\n"
                + "\"Gone\"=-\r\n"
                + entryKey(PARAMETERS, "Catalog_Entries", 1, items.get(0))
                + "[" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries\\000000000002]\r\n"
                + "\"ProtocolName\"=\"no blob\"\r\n";
        CatalogSnapshot snapshot = read(text);
        assertEquals(List.of(1001), ids(snapshot.catalog(Bitness.X86).orElseThrow()));
        assertEquals(List.of(
                "t.reg:3: key deletion [-" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries\\000000000009] ignored"
                        + " (it removes a key, it holds no data)",
                "t.reg:7: value deletion \"Gone\"=- ignored",
                "t.reg:47: [" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries\\000000000002]: no"
                        + " PackedCatalogItem value; the entry is skipped",
                "t.reg:6: Num_Catalog_Entries says 3 entries but the export holds 1"), snapshot.warnings());
    }

    @Test
    void onlyTheFirstControlSetIsReadAndTheOthersAreNamed() throws Exception {
        String other = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\WinSock2\\Parameters";
        CatalogSnapshot snapshot = read(V5 + entryKey(PARAMETERS, "Catalog_Entries", 1, items.get(0))
                + entryKey(other, "Catalog_Entries", 1, items.get(1)));
        assertEquals(List.of(1001), ids(snapshot.catalog(Bitness.X86).orElseThrow()));
        assertEquals(1, snapshot.warnings().size());
        assertTrue(snapshot.warnings().get(0).contains("also holds 1 keys under " + other + "; only " + PARAMETERS
                + " (the first in the file) is read"), snapshot.warnings().get(0));
    }

    @Test
    void aWholeSystemHiveExportIsReadFromTheCurrentControlSet() throws Exception {
        String set1 = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\WinSock2\\Parameters";
        String set2 = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\WinSock2\\Parameters";
        CatalogSnapshot snapshot = read(V5 + entryKey(set1, "Catalog_Entries", 1, items.get(0))
                + entryKey(set2, "Catalog_Entries", 1, items.get(1))
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\r\n\"Current\"=dword:00000002\r\n");
        assertEquals(List.of(1002), ids(snapshot.catalog(Bitness.X86).orElseThrow()));
        assertEquals(1, snapshot.warnings().size());
        assertTrue(snapshot.warnings().get(0).endsWith("only " + set2 + " (the current control set, by SYSTEM\\Select)"
                + " is read"), snapshot.warnings().get(0));
    }

    @Test
    void everyDecodedFieldSurvives() throws Exception {
        CatalogEntry entry = read(SyntheticCatalog.export(items)).catalog(Bitness.X64).orElseThrow().entries().get(3);
        assertEquals(items.get(3).info(), entry.info());
        assertEquals(items.get(3).providerPath(), entry.providerPath());
        assertEquals(EntryType.CHAIN, entry.info().entryType());
        assertEquals(List.of(1003, 1001), entry.info().chain());
        assertEquals("line 320 Catalog_Entries64\\000000000004", entry.origin());
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        String key = "[" + PARAMETERS + "\\AppId_Catalog\\0A]\r\n";
        assertEquals("t.reg:1: not a registry export: the first line must be \"Windows Registry Editor Version 5.00\""
                + " or \"REGEDIT4\", found \"[HKEY]\"", readError("[HKEY]\r\n"));
        assertEquals("t.reg:3: key line has no closing ]: \"[HKEY_LOCAL_MACHINE\"", readError(V5 + "[HKEY_LOCAL_MACHINE"));
        assertEquals("t.reg:3: empty key name", readError(V5 + "[ ]"));
        assertEquals("t.reg:3: value before the first [key]", readError(V5 + "\"a\"=dword:1"));
        assertEquals("t.reg:4: expected a [key], a \"name\"=value or a ; comment, found \"oops\"",
                readError(V5 + key + "oops"));
        assertEquals("t.reg:4: expected = after the value name \"a\"", readError(V5 + key + "\"a\" dword:1"));
        assertEquals("t.reg:4: text after the closing quote of value \"a\"", readError(V5 + key + "\"a\"=\"x\" y"));
        assertEquals("t.reg:4: dword: needs 1 to 8 hex digits, found \"123456789\"",
                readError(V5 + key + "\"a\"=dword:123456789"));
        assertEquals("t.reg:4: hex(N): needs a hex type number N, found \"hex(z):00\"",
                readError(V5 + key + "\"a\"=hex(z):00"));
        assertEquals("t.reg:4: value \"a\" has no known type (a string, dword:, hex: or hex(N):), found \"qword:1\"",
                readError(V5 + key + "\"a\"=qword:1"));
        assertEquals("t.reg:4: bad hex byte \"100\"", readError(V5 + key + "\"a\"=hex:00,100"));
        assertEquals("t.reg:4: missing hex byte", readError(V5 + key + "\"a\"=hex:00,,01"));
        assertEquals("t.reg:4: missing hex byte", readError(V5 + key + "\"a\"=hex:00,"));
        assertEquals("t.reg:5: bad hex byte \"\"b\"=dword:1\" (continuing the value of line 4)",
                readError(V5 + key + "\"a\"=hex:00,\\\r\n\"b\"=dword:1"));
        assertEquals("t.reg:4: hex value ends with \\ but the file ends here", readError(V5 + key + "\"a\"=hex:00,\\"));
        assertEquals("t.reg:5: expected the hex bytes continued from line 4 (it ends with \\), found an empty line",
                readError(V5 + key + "\"a\"=hex:00,\\\r\n\r\n01"));
        assertEquals("t.reg:4: unknown escape \\t in a quoted string (regedit writes only \\\\ and \\\")",
                readError(V5 + key + "\"a\"=\"C:\\temp\""));
        assertEquals("t.reg:4: quoted string is not closed: \"\"abc\"", readError(V5 + key + "\"a\"=\"abc"));
        assertEquals("t.reg:4: quoted string is not closed: \"\"a=1\"", readError(V5 + key + "\"a=1"));
    }

    @Test
    void valuesOfTheWrongTypeOrSizeNameFileLineAndKey() {
        String entry = "[" + PARAMETERS + "\\Protocol_Catalog9\\Catalog_Entries64\\000000000001]";
        assertEquals("t.reg:4: [" + entry.substring(1, entry.length() - 1) + "] PackedCatalogItem must be binary"
                + " (hex:), found a string", readError(V5 + entry + "\r\n\"PackedCatalogItem\"=\"x\""));
        assertEquals("t.reg:4: [" + entry.substring(1, entry.length() - 1) + "] PackedCatalogItem: byte offset 3"
                + " (0x3): PackedCatalogItem ends after 3 bytes; it must be 888 bytes",
                readError(V5 + entry + "\r\n\"PackedCatalogItem\"=hex:01,02,03"));
        String ns = "[" + PARAMETERS + "\\NameSpace_Catalog5\\Catalog_Entries\\000000000001]\r\n";
        assertTrue(readError(V5 + ns + "\"ProviderId\"=hex:01").endsWith("ProviderId has 1 bytes; a GUID has 16"));
        assertTrue(readError(V5 + ns + "\"Enabled\"=\"yes\"").endsWith("Enabled must be dword:, found a string"));
        assertTrue(readError(V5 + ns + "\"LibraryPath\"=hex(7):00").endsWith(
                "LibraryPath must be a string, found hex(7):"));
        String app = "[" + PARAMETERS + "\\AppId_Catalog\\0A]\r\n";
        assertTrue(readError(V5 + app + "\"PermittedLspCategories\"=hex(4):01,00").startsWith("t.reg:4: "));
    }

    @Test
    void anExportWithoutWinsock2KeysSaysSo() {
        assertEquals("t.reg: holds no Winsock 2 catalog: the export has no keys", readError(V5));
        assertEquals("t.reg: holds no Winsock 2 catalog: none of its 1 keys is under ...\\Services\\WinSock2\\Parameters"
                + " (the first is [HKEY_CURRENT_USER\\Software\\X] at line 3)",
                readError(V5 + "[HKEY_CURRENT_USER\\Software\\X]\r\n"));
    }

    @Test
    void recognizesOnlyRegistryExports() {
        assertTrue(format.recognizes(SyntheticCatalog.utf16(V5)));
        assertTrue(format.recognizes("\r\nREGEDIT4\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(format.recognizes("\uFEFFWindows Registry Editor Version 5.00\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(format.recognizes("{\"format\":\"wpuscope-catalog-snapshot\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(format.recognizes(new byte[0]));
    }
}
