package dev.wpuscope.catalog.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Diff on the real Windows 10 export: against itself, and against the same machine without the Tencent LSP. */
class SampleDiffTest {

    static CatalogSnapshot windows10() throws Exception {
        return new RegExportFormat().read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
    }

    /** The snapshot with every entry whose DLL is the LSP's removed: what a clean machine would have. */
    static CatalogSnapshot withoutTencent(CatalogSnapshot s) {
        var catalogs = new EnumMap<Bitness, Catalog>(Bitness.class);
        s.catalogs().forEach((b, c) -> catalogs.put(b, new Catalog(b, c.entries().stream()
                .filter(e -> !e.providerPath().contains("ierd_tgp_lsp")).toList(), c.orderKnown())));
        return new CatalogSnapshot(s.kind(), "clean", catalogs, s.namespaceProviders(), s.appIdRules(),
                s.lspCategories(), s.limitations(), s.warnings());
    }

    @Test
    void theExportEqualsItself() throws Exception {
        assertTrue(new CatalogDiffer().diff(windows10(), windows10()).isEmpty());
    }

    @Test
    void customerAgainstCleanShowsTheLspAndNothingElse() throws Exception {
        CatalogSnapshot customer = windows10();
        SnapshotDiff d = new CatalogDiffer().diff(customer, withoutTencent(customer));
        assertEquals(2, d.catalogs().size());
        for (CatalogDiff c : d.catalogs()) {
            assertEquals(List.of(), c.added());
            assertEquals(List.of(), c.changed());
            assertEquals(List.of(), c.moved());
            Set<String> removed = c.removed().stream().map(CatalogEntry::displayName).collect(Collectors.toSet());
            String lsp = c.bitness() == Bitness.X64 ? "ierd_tgp_lsp64" : "ierd_tgp_lsp";
            assertEquals(Set.of(lsp, lsp + " over [MSAFD Tcpip [TCP/IP]]", lsp + " over [MSAFD Tcpip [UDP/IP]]",
                    lsp + " over [MSAFD Tcpip [RAW/IP]]"), removed);
        }
        assertTrue(d.namespaces().isEmpty());
    }
}
