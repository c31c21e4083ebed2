package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.netsh.NetshCatalogParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single blocks with a line missing, extra or odd, encodings, and input that is not netsh output at all. */
class NetshDamagedInputTest {
    private static final List<String> BLOCK = List.of(
            "Winsock Catalog Provider Entry",
            "------------------------------------------------------",
            "Entry Type:                         Base Service Provider",
            "Description:                        MSAFD Tcpip [TCP/IP]",
            "Provider ID:                        {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}",
            "Provider Path:                      %SystemRoot%\\system32\\mswsock.dll",
            "Catalog Entry ID:                   1001",
            "Version:                            2",
            "Address Family:                     2",
            "Max Address Length:                 16",
            "Min Address Length:                 16",
            "Socket Type:                        1",
            "Protocol:                           6",
            "Service Flags:                      0x20066",
            "Protocol Chain Length:              1");

    @Test
    void aCompleteBlockReadsWithoutWarnings() throws Exception {
        CatalogSnapshot snapshot = parse(dump(BLOCK));
        assertEquals(List.of(), snapshot.warnings());
        assertFalse(snapshot.catalog(Bitness.X64).orElseThrow().orderKnown(), "no namespace section: maybe cut");
    }

    @Test
    void aLineMissingAmongTheNumbersLeavesThoseFieldsUnknownInsteadOfShifted() throws Exception {
        List<String> lines = new ArrayList<>(BLOCK);
        lines.remove("Version:                            2");
        CatalogSnapshot snapshot = parse(dump(lines));
        ProtocolInfo info = only(snapshot).info();
        assertEquals("MSAFD Tcpip [TCP/IP]", info.protocolName());
        assertEquals(0x20066, info.serviceFlags1());
        assertEquals(1, info.chainLength());
        assertNull(info.catalogEntryId(), "with no other block to learn labels from, the run of numbers is in doubt");
        assertNull(info.version());
        assertNull(info.addressFamily());
        assertNull(info.protocol());
        assertEquals(2, snapshot.warnings().size(), snapshot.warnings().toString());
        assertTrue(snapshot.warnings().get(0).startsWith("dump.txt:1: this entry is incomplete; unknown: Catalog Entry ID"),
                snapshot.warnings().get(0));
        assertTrue(snapshot.warnings().get(1).startsWith("dump.txt:7: 6 line(s) do not fit"), snapshot.warnings().get(1));
    }

    @Test
    void aMissingDescriptionIsNoticedButWhichTextLineIsMissingIsNotGuessed() throws Exception {
        List<String> lines = new ArrayList<>(BLOCK);
        lines.remove(3);
        CatalogSnapshot snapshot = parse(dump(lines));
        assertTrue(snapshot.catalogs().isEmpty(), "Entry Type or Description: either may be the missing text line, so "
                + "the Entry Type, and with it the catalog, is unknown");
        assertTrue(snapshot.namespaceProviders().isEmpty());
        assertEquals(List.of(
                "dump.txt:1: this entry is incomplete; unknown: Entry Type, Description",
                "dump.txt:1: the entry on lines 1-14 (catalog id 1001) is skipped: without its Entry Type line it cannot "
                        + "be told whether it is in the 64-bit or the 32-bit catalog",
                "dump.txt:3: 1 line(s) do not fit the order of the fields (a line is missing or extra), so their fields "
                        + "are left unknown: 'Entry Type: Base Service Provider'"), snapshot.warnings());
    }

    @Test
    void noSingleMissingOrExtraLineEverShiftsAValueIntoAnotherField() throws Exception {
        List<String> distinct = new ArrayList<>(BLOCK);
        distinct.set(8, "Address Family:                     23");
        distinct.set(9, "Max Address Length:                 28");
        distinct.set(10, "Min Address Length:                 27");
        distinct.set(11, "Socket Type:                        5");
        distinct.set(12, "Protocol:                           7");
        List<Object> original = fieldValues(only(parse(dump(distinct))));
        List<String> extras = List.of("Extra:  9", "Extra:  0x9", "Extra:  some text",
                "Extra:  {00000000-0000-0000-0000-000000000009}");
        for (int i = 2; i <= distinct.size(); i++) {
            List<List<String>> variants = new ArrayList<>();
            for (String extra : extras) {
                List<String> withExtra = new ArrayList<>(distinct);
                withExtra.add(i, extra);
                variants.add(withExtra);
            }
            if (i < distinct.size()) {
                List<String> without = new ArrayList<>(distinct);
                without.remove(i);
                variants.add(without);
            }
            for (List<String> variant : variants) {
                variant.addAll(List.of("", "C:\\>"));  // the dump goes on: not a block cut by its end
                CatalogSnapshot snapshot = parse(dump(variant));
                for (var catalog : snapshot.catalogs().values()) {
                    for (CatalogEntry entry : catalog.entries()) {
                        List<Object> values = fieldValues(entry);
                        for (int f = 0; f < values.size(); f++) {
                            if (values.get(f) != null) {
                                assertEquals(original.get(f), values.get(f), "field " + f + " of\n" + dump(variant));
                            }
                        }
                    }
                }
                assertFalse(snapshot.warnings().isEmpty(), "damage is reported:\n" + dump(variant));
            }
        }
    }

    private static List<Object> fieldValues(CatalogEntry entry) {
        ProtocolInfo i = entry.info();
        return java.util.Arrays.asList(i.protocolName(), i.providerId(), entry.providerPath(), i.catalogEntryId(),
                i.version(), i.addressFamily(), i.maxSockAddr(), i.minSockAddr(), i.socketType(), i.protocol(),
                i.serviceFlags1(), i.chainLength());
    }

    @Test
    void anExtraLineIsReportedWithItsLineNumber() throws Exception {
        List<String> lines = new ArrayList<>(BLOCK);
        lines.add(13, "Service Flags 2:                    0x0");
        CatalogSnapshot snapshot = parse(dump(lines));
        ProtocolInfo info = only(snapshot).info();
        assertEquals(1001, info.catalogEntryId());
        assertEquals(6, info.protocol());
        assertEquals(1, info.chainLength());
        assertTrue(snapshot.warnings().stream().anyMatch(w -> w.startsWith("dump.txt:14: ")), snapshot.warnings().toString());
    }

    @Test
    void aDamagedBlockAmongCompleteOnesIsReadByTheirLabels() throws Exception {
        List<String> damaged = new ArrayList<>(BLOCK);
        damaged.remove("Max Address Length:                 16");
        damaged.add(9, "Odd Line:                           x");
        List<String> lines = new ArrayList<>(BLOCK);
        lines.add("");
        lines.addAll(damaged);
        CatalogSnapshot snapshot = parse(dump(lines));
        CatalogEntry second = snapshot.catalog(Bitness.X64).orElseThrow().entries().get(1);
        assertEquals(1001, second.id());
        assertEquals(2, second.info().addressFamily());
        assertNull(second.info().maxSockAddr());
        assertEquals(16, second.info().minSockAddr());
        assertEquals(List.of(
                "dump.txt:17: this entry is incomplete; unknown: Max Address Length",
                "dump.txt:26: unexpected line in this block, ignored: 'Odd Line: x'"), snapshot.warnings());
    }

    @Test
    void entryTypeTextThatContradictsTheChainLengthIsWarnedAboutAndTheChainLengthDecides() throws Exception {
        List<String> lines = new ArrayList<>(BLOCK);
        lines.set(14, "Protocol Chain Length:              2");
        lines.add("Protocol Chain: 1031 : 1001 : 1002");
        CatalogSnapshot snapshot = parse(dump(lines));
        ProtocolInfo info = only(snapshot).info();
        assertEquals(EntryType.CHAIN, info.entryType());
        assertEquals(List.of(1031, 1001, 1002), info.chainEntries(), "the ids as printed");
        assertEquals(2, snapshot.warnings().size(), snapshot.warnings().toString());
        assertTrue(snapshot.warnings().get(0).startsWith("dump.txt:3: Entry Type 'Base Service Provider' names a base"));
        assertTrue(snapshot.warnings().get(1).startsWith("dump.txt:16: the Protocol Chain lists 3 id(s)"));
    }

    @Test
    void fullWidthWow64MarkAndFullWidthColonAreUnderstood() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : BLOCK) {
            lines.add(line.replaceFirst(":", "\uFF1A"));
        }
        lines.set(2, "Entry Type\uFF1A Base Service Provider\uFF0832\uFF09");
        CatalogEntry entry = parse(dump(lines)).catalog(Bitness.X86).orElseThrow().entries().get(0);
        assertEquals(1001, entry.id());
        assertEquals(1, entry.info().chainLength());
    }

    @Test
    void windowsLineEndingsAndUtf16WithoutBomAreRead() throws Exception {
        String text = String.join("\r\r\n", BLOCK) + "\r\r\n\r\r\n";
        assertEquals(List.of(), parse(text.getBytes(StandardCharsets.UTF_8)).warnings());
        assertEquals(List.of(), parse(text.getBytes(StandardCharsets.UTF_16LE)).warnings());
        assertEquals(List.of(), parse(text.getBytes(StandardCharsets.UTF_16BE)).warnings());
    }

    @Test
    void aConsoleCodePageIsReadWithAWarning() throws Exception {
        List<String> lines = new ArrayList<>(BLOCK);
        lines.set(3, "Beschreibung:                       MSAFD Tcpip [TCP/IP] \u00fcber Stra\u00dfe");
        CatalogSnapshot snapshot = parse(dump(lines).getBytes(Charset.forName("IBM850")));
        assertEquals(1001, only(snapshot).id());
        assertEquals(1, snapshot.warnings().size());
        assertTrue(snapshot.warnings().get(0).startsWith("dump.txt:1: the file is neither UTF-8 nor UTF-16"));
    }

    @Test
    void aNamespaceBlockAloneIsANamespaceProvider() throws Exception {
        CatalogSnapshot snapshot = parse(dump(List.of(
                "Winsock Namespace Provider Entry",
                "------------------------------------------------------",
                "Description:                        NTDS",
                "Provider ID:                        {3B2637EE-E580-11CF-A555-00C04FD8D4AC}",
                "Name Space:                         32",
                "Active:                             1",
                "Version:                            0")));
        assertTrue(snapshot.catalogs().isEmpty());
        assertEquals("NTDS", snapshot.namespaceProviders().get(0).displayString());
        assertEquals(32, snapshot.namespaceProviders().get(0).supportedNameSpace());
    }

    @Test
    void inputThatIsNotNetshOutputIsOneClearError(@TempDir Path dir) throws Exception {
        Path reg = dir.resolve("winsock.reg");
        Files.writeString(reg, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n\"a\"=dword:1\r\n");
        NetshCatalogFormat format = new NetshCatalogFormat();
        assertFalse(format.recognizes(Files.readAllBytes(reg)));
        CatalogReadException e = assertThrows(CatalogReadException.class, () -> format.read(reg));
        assertEquals(reg + ":1: not 'netsh winsock show catalog' output: no entry block (a title line, a line of "
                + "dashes, then 'label: value' lines with a {GUID}, numbers and 0x flags) found", e.getMessage());

        assertThrows(CatalogReadException.class, () -> parse(new byte[0]));
        CatalogReadException notBlocks = assertThrows(CatalogReadException.class,
                () -> parse(dump(List.of("Title", "----------", "name: value", "other: thing"))));
        assertTrue(notBlocks.getMessage().startsWith("dump.txt:1: not 'netsh winsock show catalog' output"));
        CatalogReadException missing = assertThrows(CatalogReadException.class, () -> format.read(dir.resolve("none")));
        assertTrue(missing.getMessage().startsWith(dir.resolve("none") + ": cannot read"), missing.getMessage());
    }

    @Test
    void recognizesNetshOutputButNotOtherText() {
        NetshCatalogFormat format = new NetshCatalogFormat();
        assertTrue(format.recognizes(dump(BLOCK).getBytes(StandardCharsets.UTF_8)));
        assertTrue(format.recognizes(("\uFEFF" + dump(BLOCK)).getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(format.recognizes(NetshLocalizedTest.resource("ja")));
        assertFalse(format.recognizes(new byte[0]));
        assertFalse(format.recognizes("{\"format\": \"wpuscope-snapshot\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(format.recognizes("Markdown\n--------------\n\nText: here".getBytes(StandardCharsets.UTF_8)));
    }

    private static CatalogEntry only(CatalogSnapshot snapshot) {
        List<CatalogEntry> entries = snapshot.catalog(Bitness.X64).orElseThrow().entries();
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    private static String dump(List<String> lines) {
        return String.join("\n", lines) + "\n\n";
    }

    private static CatalogSnapshot parse(String text) throws CatalogReadException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CatalogSnapshot parse(byte[] bytes) throws CatalogReadException {
        return NetshCatalogParser.parse("dump.txt", bytes);
    }
}
