package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.platform.LiveCatalogSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reads the real catalog of the Windows machine the tests run on. */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class WindowsLiveCatalogSourceTest {

    @Test
    void readsTheNativeCatalogWithPathsAndNamespaceProviders() throws Exception {
        CatalogSnapshot snapshot = LiveCatalogSource.forThisMachine().orElseThrow().read();
        assertEquals(SourceKind.LIVE, snapshot.kind());
        Bitness nativeBitness = com.sun.jna.Platform.is64Bit() ? Bitness.X64 : Bitness.X86;
        Catalog catalog = snapshot.catalog(nativeBitness).orElseThrow();
        assertFalse(catalog.entriesOfType(EntryType.BASE).isEmpty());
        for (CatalogEntry entry : catalog.entries()) {
            assertNotNull(entry.id());
            assertNotNull(entry.providerPath(), entry.displayName());
            assertFalse(entry.info().protocolName().isEmpty());
        }
        assertTrue(catalog.entries().stream().anyMatch(e -> e.info().addressFamily() == 2
                && e.info().socketType() == 1), "a TCP/IPv4 provider is installed");
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            assertTrue(catalog.resolveChain(chain).stream().noneMatch(ChainLink::isMissing), chain.displayName());
        }
        assertFalse(snapshot.namespaceProviders().isEmpty());
        assertEquals(snapshot, SnapshotJson.read(SnapshotJson.write(snapshot), "live"));
    }
}
