package dev.wpuscope.catalog.source.reg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ServiceFlag;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegExportSamplesTest {

    private final RegExportFormat format = new RegExportFormat();

    private CatalogSnapshot windows10() throws CatalogReadException {
        return format.read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
    }

    @Test
    void windows10ExportHasNineteenEntriesInEachCatalogInProviderOrder() throws Exception {
        CatalogSnapshot snapshot = windows10();
        assertEquals(SourceKind.REG_EXPORT, snapshot.kind());
        assertEquals(List.of(), snapshot.warnings());
        for (Bitness bitness : Bitness.values()) {
            Catalog catalog = snapshot.catalog(bitness).orElseThrow();
            assertEquals(19, catalog.entries().size(), bitness.label());
            assertTrue(catalog.orderKnown());
            CatalogEntry first = catalog.entries().get(0);
            assertEquals("Hyper-V RAW", first.protocolNameValue());
            assertEquals("%SystemRoot%\\system32\\mswsock.dll", first.providerPath());
            assertEquals(EntryType.BASE, first.info().entryType());
            assertEquals(UUID.fromString("1234191b-4bf7-4ca7-86e0-dfd7c32b5445"), first.info().providerId());
            assertEquals(34, first.info().addressFamily());
            assertEquals(1001, first.id());
            assertTrue(first.info().hasServiceFlag(ServiceFlag.IFS_HANDLES));
            assertTrue(first.origin().endsWith(bitness.registryKey() + "\\000000000001"), first.origin());
        }
        assertTrue(snapshot.limitations().stream().noneMatch(l -> l.contains("no 64-bit")
                || l.contains("no 32-bit") || l.contains("AppId")), snapshot.limitations().toString());
    }

    @Test
    void tencentLspHasOneLayeredEntryAndThreeChainsOnTcpipPerCatalog() throws Exception {
        CatalogSnapshot snapshot = windows10();
        for (Bitness bitness : Bitness.values()) {
            Catalog catalog = snapshot.catalog(bitness).orElseThrow();
            String lspName = bitness == Bitness.X64 ? "ierd_tgp_lsp64" : "ierd_tgp_lsp";
            List<CatalogEntry> layered = catalog.entriesOfType(EntryType.LAYERED);
            assertEquals(1, layered.size());
            assertEquals(lspName, layered.get(0).info().protocolName());
            List<CatalogEntry> chains = catalog.entriesOfType(EntryType.CHAIN);
            assertEquals(3, chains.size());
            for (CatalogEntry chain : chains) {
                List<ChainLink> links = catalog.resolveChain(chain);
                assertEquals(2, links.size());
                assertEquals(layered.get(0), links.get(0).entry());
                CatalogEntry base = links.get(1).entry();
                assertEquals(EntryType.BASE, base.info().entryType());
                assertEquals(2, base.info().addressFamily());
                assertEquals(lspName, chain.protocolNameValue().substring(0, lspName.length()));
            }
            assertEquals(List.of("TCP/IP", "UDP/IP", "RAW/IP"), chains.stream()
                    .map(c -> c.info().protocolName())
                    .map(name -> name.substring((lspName + " over [MSAFD Tcpip [").length(), name.length() - 2))
                    .toList());
            // szProtocol of the bases is an MUI reference into mswsock.dll: TCP, UDP, RAW in that order
            assertEquals(List.of("@%SystemRoot%\\System32\\mswsock.dll,-60100",
                    "@%SystemRoot%\\System32\\mswsock.dll,-60101", "@%SystemRoot%\\System32\\mswsock.dll,-60102"),
                    chains.stream().map(c -> catalog.resolveChain(c).get(1).entry().info().protocolName()).toList());
            assertEquals(List.of(1, 2, 3), chains.stream().map(c -> c.info().socketType()).toList());
        }
    }

    @Test
    void namespaceProvidersAndAppIdRulesAreRead() throws Exception {
        CatalogSnapshot snapshot = windows10();
        assertEquals(14, snapshot.namespaceProviders().size());
        assertEquals(7, snapshot.namespaceProviders().stream().filter(n -> n.bitness() == Bitness.X86).count());
        NamespaceProvider napinsp = snapshot.namespaceProviders().stream()
                .filter(n -> n.bitness() == Bitness.X86).findFirst().orElseThrow();
        assertEquals("%SystemRoot%\\system32\\napinsp.dll", napinsp.libraryPath());
        assertEquals("@%SystemRoot%\\system32\\napinsp.dll,-1000", napinsp.displayString());
        assertEquals(UUID.fromString("964acba2-b2bc-40eb-8c6a-a6db40161cae"), napinsp.providerId());
        assertEquals(0x25, napinsp.supportedNameSpace());
        assertEquals(Boolean.TRUE, napinsp.enabled());
        assertEquals(0, napinsp.version());
        assertEquals(Boolean.FALSE, napinsp.storesServiceClassInfo());
        assertNull(napinsp.addressFamily());

        assertEquals(List.of(
                new AppIdRule("06EBDCB1", "C:\\Windows\\System32\\wininit.exe", 0x40000000),
                new AppIdRule("2AFB7932", "E:\\yy\\YY.exe", 0x80000000),
                new AppIdRule("2C69D9F1", "C:\\Windows\\System32\\svchost.exe", 0x40000000),
                new AppIdRule("343305C9", "C:\\Windows\\System32\\lsass.exe", 0x40000000)), snapshot.appIdRules());
    }

    @Test
    void viosockTemplateExportDecodesBothVsockEntries() throws Exception {
        CatalogSnapshot snapshot = format.read(SharedSamples.file("reg/distrobuilder_viosock_extracted.reg"));
        for (Bitness bitness : Bitness.values()) {
            Catalog catalog = snapshot.catalog(bitness).orElseThrow();
            assertEquals(1, catalog.entries().size());
            assertFalse(catalog.orderKnown());
            CatalogEntry vsock = catalog.entries().get(0);
            assertEquals(40, vsock.info().addressFamily());
            assertEquals("Virtio Vsock STREAM", vsock.info().protocolName());
            assertEquals("%SystemRoot%\\System32\\viosocklib.dll", vsock.providerPath());
            assertEquals(1, vsock.info().socketType());
            assertEquals(EntryType.BASE, vsock.info().entryType());
        }
        assertEquals(2, snapshot.warnings().size());
        assertTrue(snapshot.warnings().get(1).contains("\"{{vsock.pathIndex64}}\" is not a number, so its provider"
                + " order is unknown"), snapshot.warnings().get(1));
        assertTrue(snapshot.limitations().contains(
                "The export holds no namespace providers (NameSpace_Catalog5)."));
    }

    @Test
    void legacyWinsockExportSaysItHoldsNoCatalog() {
        Path legacy = SharedSamples.file("reg/cingchun_bccc_winsock.reg");
        CatalogReadException e = assertThrows(CatalogReadException.class, () -> format.read(legacy));
        assertTrue(e.getMessage().startsWith(legacy + ": holds no Winsock 2 catalog: it is an export of the legacy"
                + " Winsock 1.1 key [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Winsock] (line 3)"),
                e.getMessage());
    }

    @Test
    void everyRealPackedCatalogItemReencodesByteForByte() throws Exception {
        int checked = 0;
        for (Path file : SharedSamples.all("reg")) {
            if (!format.recognizes(Files.readAllBytes(file))) {
                continue;
            }
            CatalogSnapshot snapshot;
            try {
                snapshot = format.read(file);
            } catch (CatalogReadException noCatalog) {
                assertTrue(noCatalog.getMessage().contains("holds no Winsock 2 catalog"), noCatalog.getMessage());
                continue;
            }
            for (Catalog catalog : snapshot.catalogs().values()) {
                for (CatalogEntry entry : catalog.entries()) {
                    byte[] original = entry.packedItem().toArray();
                    assertArrayEquals(original, PackedCatalogItem.encode(entry), entry.origin());
                    checked++;
                }
            }
        }
        assertEquals(19 + 19 + 2, checked);
    }
}
