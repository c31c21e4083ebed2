package dev.wpuscope.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures;
import dev.wpuscope.catalog.CatalogFixtures.InfoBuilder;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Windows catalog rules the in-memory catalog enforces. */
class InMemoryCatalogTest {

    private static final UUID GUID = CatalogFixtures.guid("some provider");

    private final InMemoryCatalog memory = InMemoryCatalog.of(CatalogFixtures.snapshot(
            CatalogFixtures.windows(Bitness.X64)).build());

    private static InfoBuilder info() {
        InfoBuilder info = new InfoBuilder();
        info.providerId = GUID;
        info.id = 0;
        info.name = "test entry";
        return info;
    }

    private static ProtocolInfo layered() {
        return info().chain(0).build();
    }

    private static ProtocolInfo chain(Integer... ids) {
        return info().chain(ids.length, ids).build();
    }

    @Test
    void installAssignsIdsFromTheCounterAppendsAndSetsTheGuid() throws Exception {
        List<Integer> ids = memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered(), layered()));
        assertEquals(List.of(1007, 1008), ids);
        List<CatalogEntry> entries = memory.enumerate(Bitness.X64).entries();
        assertEquals(8, entries.size());
        assertEquals(GUID, entries.get(7).info().providerId());
        assertEquals("a.dll", entries.get(7).providerPath());
        memory.deinstallProvider(Bitness.X64, GUID);
        assertEquals(List.of(1009), memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered())),
                "ids are not reused");
    }

    @Test
    void aGuidCanBeInstalledOnlyOnce() throws Exception {
        memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered()));
        CatalogWriteException e = assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered())));
        assertTrue(e.getMessage().contains("already installed"), e.getMessage());
    }

    @Test
    void chainsMayOnlyNameExistingIds() throws Exception {
        memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(chain(1001, 1002)));
        CatalogWriteException e = assertThrows(CatalogWriteException.class, () -> memory.installProvider(
                Bitness.X64, CatalogFixtures.guid("other"), "a.dll", List.of(chain(1001, 4711))));
        assertTrue(e.getMessage().contains("names ids that are not in the catalog"), e.getMessage());
    }

    @Test
    void entriesMustBeCompleteAndStorable() {
        InfoBuilder unknown = info();
        unknown.flags3 = null;
        ProtocolInfo unknownFlags = unknown.build();
        assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(unknownFlags)));
        assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "x".repeat(300), List.of(layered())));
        assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(info().chain(8).build())));
        assertThrows(CatalogWriteException.class, () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of()));
        assertThrows(CatalogWriteException.class, () -> memory.installProvider(Bitness.X86, GUID, "a.dll",
                List.of(layered())), "there is no 32-bit catalog here");
    }

    @Test
    void providerOrderMustBeAPermutationOfEveryId() throws Exception {
        assertThrows(CatalogWriteException.class,
                () -> memory.writeProviderOrder(Bitness.X64, List.of(1001, 1002, 1003, 1004, 1005)));
        assertThrows(CatalogWriteException.class,
                () -> memory.writeProviderOrder(Bitness.X64, List.of(1001, 1002, 1003, 1004, 1005, 1005)));
        assertThrows(CatalogWriteException.class,
                () -> memory.writeProviderOrder(Bitness.X64, List.of(1001, 1002, 1003, 1004, 1005, 1006, 1007)));
        memory.writeProviderOrder(Bitness.X64, List.of(1006, 1005, 1004, 1003, 1002, 1001));
        assertEquals(List.of(1006, 1005, 1004, 1003, 1002, 1001),
                memory.enumerate(Bitness.X64).entries().stream().map(CatalogEntry::id).toList());
    }

    @Test
    void deinstallRemovesEveryEntryOfTheGuidAndRejectsAnUnknownOne() throws Exception {
        memory.deinstallProvider(Bitness.X64, CatalogFixtures.MSAFD_TCPIP);
        assertEquals(List.of(1004, 1005, 1006),
                memory.enumerate(Bitness.X64).entries().stream().map(CatalogEntry::id).toList());
        assertThrows(CatalogWriteException.class, () -> memory.deinstallProvider(Bitness.X64, GUID));
    }

    @Test
    void injectedFailuresHappenBeforeOrAfterTheEffect() throws Exception {
        memory.failOn(InMemoryCatalog.Operation.INSTALL, 1, InMemoryCatalog.FailureMode.BEFORE_EFFECT)
                .failOn(InMemoryCatalog.Operation.INSTALL, 2, InMemoryCatalog.FailureMode.AFTER_EFFECT);
        assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered())));
        assertEquals(6, memory.enumerate(Bitness.X64).entries().size());
        assertThrows(CatalogWriteException.class,
                () -> memory.installProvider(Bitness.X64, GUID, "a.dll", List.of(layered())));
        assertEquals(7, memory.enumerate(Bitness.X64).entries().size());
        assertEquals(2, memory.calls(InMemoryCatalog.Operation.INSTALL));
    }
}
