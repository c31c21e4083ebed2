package dev.wpuscope.catalog.known;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.InfoBuilder;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recognising an entry: by GUID, else by DLL file name, else by protocol name; unknown stays unknown. */
class KnownLspsMatchTest {

    private static final KnownLsps KNOWN = KnownLspsReader.read(KnownLspsReaderTest.ONE_PRODUCT, "test.json");
    private static final UUID ACME_GUID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static CatalogEntry entry(String name, UUID guid, String dll) {
        InfoBuilder info = new InfoBuilder();
        info.name = name;
        info.providerId = guid;
        info.id = 1031;
        return new CatalogEntry(info.build(), dll, null, null, "test");
    }

    @Test
    void theGuidComesFirst() {
        EntryMatch m = KNOWN.match(entry("Renamed", ACME_GUID, "C:\\other.dll")).orElseThrow();
        assertEquals(MatchBasis.GUID, m.basis());
        assertEquals("Acme Filter (matched by GUID {11111111-2222-3333-4444-555555555555})", m.describe());
    }

    @Test
    void thenTheDllFileNameWithoutPathOrCase() {
        EntryMatch m = KNOWN.match(entry("Renamed", UUID.randomUUID(), "%SystemRoot%\\System32\\ACMELSP64.DLL")).orElseThrow();
        assertEquals(MatchBasis.DLL_NAME, m.basis());
        assertEquals("ACMELSP64.DLL", m.matched());
    }

    @Test
    void thenTheProtocolNameOfTheLayeredEntryOrAChainOverIt() {
        EntryMatch chain = KNOWN.match(entry("acmelsp over [MSAFD Tcpip [TCP/IP]]", null, null)).orElseThrow();
        assertEquals(MatchBasis.PROTOCOL_NAME, chain.basis());
        assertEquals("AcmeLSP", chain.matched());
        assertEquals(MatchBasis.PROTOCOL_NAME, KNOWN.match(entry("AcmeLSP", null, "x.dll")).orElseThrow().basis());
    }

    @Test
    void anUnknownEntryMatchesNothing() {
        assertTrue(KNOWN.match(entry("AcmeLSPX over [MSAFD Tcpip [TCP/IP]]", UUID.randomUUID(), "acme.dll")).isEmpty());
        assertTrue(KNOWN.match(entry("MSAFD Tcpip [TCP/IP]", null, null)).isEmpty());
    }
}
