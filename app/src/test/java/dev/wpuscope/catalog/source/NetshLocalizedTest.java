package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.source.netsh.NetshCatalogParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Localized dumps: synthetic inputs written by make_synthetic.py next to them (not real captures), one invented
 * catalog printed with German, French, Japanese and Chinese labels, CJK labels padded by display width.
 */
class NetshLocalizedTest {

    @Test
    void englishDumpGivesBothCatalogsTheirChainsAndTheNamespaceProviders() throws Exception {
        CatalogSnapshot snapshot = parse("en");
        assertEquals(List.of(), snapshot.warnings());
        Catalog x64 = snapshot.catalog(Bitness.X64).orElseThrow();
        Catalog x86 = snapshot.catalog(Bitness.X86).orElseThrow();
        assertEquals(List.of(1020, 1021, 1001, 1002, 1004, 1019), ids(x64));
        assertEquals(List.of(1020, 1001, 1002, 1019), ids(x86));
        assertTrue(x64.orderKnown() && x86.orderKnown(), "a whole dump, ending with the namespace providers");

        List<ChainLink> tcpChain = x64.resolveChain(x64.byId(1020).orElseThrow());
        assertEquals(List.of(1019, 1001), tcpChain.stream().map(ChainLink::catalogEntryId).toList());
        assertEquals(EntryType.LAYERED, tcpChain.get(0).entry().info().entryType());
        assertEquals("C:\\Program Files\\Example Filter\\exlsp64.dll", tcpChain.get(0).entry().providerPath());
        assertEquals("MSAFD Tcpip [TCP/IP]", tcpChain.get(1).entry().info().protocolName());
        assertEquals("C:\\Program Files\\Example Filter\\exlsp.dll", x86.byId(1019).orElseThrow().providerPath());

        List<NamespaceProvider> namespaces = snapshot.namespaceProviders();
        assertEquals(3, namespaces.size());
        NamespaceProvider nla = namespaces.get(0);
        assertEquals("Network Location Awareness Legacy (NLAv1) Namespace", nla.displayString());
        assertEquals(UUID.fromString("6642243A-3BA8-4AA6-BAA5-2E0BD71FDD83"), nla.providerId());
        assertEquals(15, nla.supportedNameSpace());
        assertEquals(true, nla.enabled());
        assertEquals(0, nla.version());
        assertNull(nla.libraryPath(), "netsh prints no namespace DLL path");
        assertNull(nla.addressFamily());
        assertEquals(false, namespaces.get(2).enabled());
        assertEquals(1, namespaces.get(2).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "ja", "zh"})
    void localizedDumpGivesTheSameModelAsTheEnglishOne(String language) throws Exception {
        CatalogSnapshot english = parse("en");
        CatalogSnapshot localized = parse(language);
        assertEquals(List.of(), localized.warnings());
        for (Bitness bitness : Bitness.values()) {
            Catalog expected = english.catalog(bitness).orElseThrow();
            Catalog actual = localized.catalog(bitness).orElseThrow();
            assertEquals(expected.orderKnown(), actual.orderKnown());
            assertEquals(expected.entries().size(), actual.entries().size());
            for (int i = 0; i < expected.entries().size(); i++) {
                CatalogEntry e = expected.entries().get(i);
                CatalogEntry a = actual.entries().get(i);
                assertEquals(e.info(), a.info(), language + " " + bitness + " entry " + i);
                assertEquals(e.providerPath(), a.providerPath());
                assertEquals(e.origin(), a.origin());
            }
        }
        assertEquals(english.namespaceProviders(), localized.namespaceProviders());
    }

    @Test
    void blocksWithoutBlankLinesBetweenThemAreTheSame() throws Exception {
        CatalogSnapshot english = parse("en");
        List<String> packed = text("en").lines().filter(line -> !line.isBlank()).toList();
        CatalogSnapshot snapshot = parse(String.join("\n", packed) + "\n\n");
        assertEquals(List.of(), snapshot.warnings());
        for (Bitness bitness : Bitness.values()) {
            assertEquals(english.catalog(bitness).orElseThrow().entries().stream().map(CatalogEntry::info).toList(),
                    snapshot.catalog(bitness).orElseThrow().entries().stream().map(CatalogEntry::info).toList());
        }
        assertEquals(3, snapshot.namespaceProviders().size());
    }

    @Test
    void japaneseValuesAreNotAtTheEnglishCharacterColumn() {
        String english = text("en").lines().filter(l -> l.startsWith("Entry Type:")).findFirst().orElseThrow();
        String japanese = text("ja").lines().filter(l -> l.startsWith("エントリの種類")).findFirst().orElseThrow();
        assertEquals(36, english.indexOf("Layered"));
        assertEquals(28, japanese.indexOf("階層化"), "8 double-width characters fill 16 columns");
        assertNotEquals(english.indexOf("Layered"), japanese.indexOf("階層化"));
    }

    @Test
    void aMissingLineInALocalizedBlockIsFoundByTheLabelsOfTheOtherBlocks() throws Exception {
        List<String> lines = lines("ja");
        int version = indexOfNth(lines, "バージョン", 3);
        lines.remove(version);
        CatalogSnapshot snapshot = parse(String.join("\r\n", lines) + "\r\n\r\n");
        CatalogEntry tcp = snapshot.catalog(Bitness.X64).orElseThrow().entries().get(2);
        assertEquals(1001, tcp.id());
        assertNull(tcp.info().version());
        assertEquals(2, tcp.info().addressFamily(), "not shifted into Version");
        assertEquals(6, tcp.info().protocol());
        assertEquals(0x20066, tcp.info().serviceFlags1());
        assertEquals(1, snapshot.warnings().size(), snapshot.warnings().toString());
        assertTrue(snapshot.warnings().get(0).startsWith("dump.txt:" + (version - 6) + ": this entry is incomplete; "
                + "unknown: Version"), snapshot.warnings().get(0));
        assertEquals(false, snapshot.catalog(Bitness.X64).orElseThrow().orderKnown(), "a damaged dump");
    }

    @Test
    void aJapaneseDumpCutAtBothEndsKeepsWhatTheLabelsIdentify() throws Exception {
        List<String> lines = lines("ja");
        int start = indexOfNth(lines, "ソケットの種類", 1);
        int end = indexOfNth(lines, "アドレス ファミリ", 4);
        CatalogSnapshot snapshot = parse(String.join("\n", lines.subList(start, end + 1)) + "\n");
        List<CatalogEntry> entries = snapshot.catalog(Bitness.X64).orElseThrow().entries();
        assertEquals(List.of(1021, 1001, 1002), entries.stream().map(CatalogEntry::id).toList());
        assertNull(entries.get(2).info().addressFamily(), "the last line may be cut");
        assertEquals(2, entries.get(2).info().version());
        assertEquals(EntryType.BASE, entries.get(2).info().entryType(), "Entry Type text learned from this dump");
        List<String> warnings = snapshot.warnings();
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("dump.txt:1: lines without their block title"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("dump.txt:1: the entry on lines 1-5 is skipped"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith("dump.txt:42: the dump ends inside this entry"), warnings.get(2));
        assertTrue(warnings.get(3).startsWith("dump.txt:50: the dump ends here"), warnings.get(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void anExcerptCutAnywhereNeverHasAValueThatDiffersFromTheWholeDump(String language) throws Exception {
        String whole = text(language);
        Map<String, List<Object>> truth = valuesByEntry(parse(whole));
        for (int offset = 1; offset < whole.length(); offset += 11) {
            for (String excerpt : List.of(whole.substring(0, offset), whole.substring(offset))) {
                CatalogSnapshot snapshot;
                try {
                    snapshot = parse(excerpt);
                } catch (CatalogReadException tooShortToBeNetsh) {
                    continue;
                }
                valuesByEntry(snapshot).forEach((key, values) -> {
                    List<Object> expected = truth.get(key);
                    for (int f = 0; f < values.size(); f++) {
                        if (values.get(f) != null && expected != null) {
                            assertEquals(expected.get(f), values.get(f), key + " field " + f + " in:\n" + excerpt);
                        }
                    }
                });
            }
        }
    }

    /** Each entry's fields by catalog and id (entries whose id is unknown are left out). */
    private static Map<String, List<Object>> valuesByEntry(CatalogSnapshot snapshot) {
        Map<String, List<Object>> values = new HashMap<>();
        snapshot.catalogs().forEach((bitness, catalog) -> catalog.entries().stream().filter(e -> e.id() != null)
                .forEach(e -> values.put(bitness + " " + e.id(), Arrays.asList(e.info().protocolName(),
                        e.info().providerId(), e.providerPath(), e.info().version(), e.info().addressFamily(),
                        e.info().maxSockAddr(), e.info().minSockAddr(), e.info().socketType(), e.info().protocol(),
                        e.info().serviceFlags1(), e.info().chainLength(), e.info().chainEntries()))));
        return values;
    }

    private static int indexOfNth(List<String> lines, String prefix, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix) && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError(prefix + " #" + n);
    }

    private static List<Integer> ids(Catalog catalog) {
        return catalog.entries().stream().map(CatalogEntry::id).toList();
    }

    private static CatalogSnapshot parse(String languageOrText) throws CatalogReadException {
        byte[] bytes = languageOrText.length() == 2 ? resource(languageOrText)
                : languageOrText.getBytes(StandardCharsets.UTF_8);
        return NetshCatalogParser.parse("dump.txt", bytes);
    }

    private static List<String> lines(String language) {
        return new ArrayList<>(text(language).lines().toList());
    }

    private static String text(String language) {
        byte[] bytes = resource(language);
        boolean utf16 = (bytes[0] & 0xFF) == 0xFF;
        String text = new String(bytes, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static byte[] resource(String language) {
        try (InputStream in = NetshLocalizedTest.class.getResourceAsStream("netsh/synthetic-" + language + ".txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
