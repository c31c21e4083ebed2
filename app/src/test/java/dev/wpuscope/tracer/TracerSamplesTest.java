package dev.wpuscope.tracer;

import dev.wpuscope.change.UnsafePlanException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner and the install/remove round trip on the real catalogs of ../shared/samples: the Windows 10 export
 * plans and round-trips byte for byte for every kind of selection; every source without a known provider order
 * (netsh dumps, the extracted template) is refused with that reason.
 */
class TracerSamplesTest {


    private final TracerPlanner planner = new TracerPlanner(TracerFixtures.bothDlls());

    private static CatalogSnapshot windows10() throws CatalogReadException {
        return TracerFixtures.read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
    }

    @Test
    void windows10ExportPlansOneChainPerVisibleEntryInEachCatalog() throws Exception {
        InstallPlan plan = planner.planInstall(windows10(), new Selection.All());
        assertEquals(2, plan.changes().size());
        for (CatalogChange change : plan.changes()) {
            Catalog before = change.before();
            assertEquals(19, before.entries().size());
            // 19 entries: 15 visible base providers and chains, the LSP's layered entry, and three PFL_HIDDEN
            // entries (the RAW/IP and RAW/IPv6 providers and the LSP's chain over RAW/IP)
            long visible = before.entries().stream().filter(e -> new Selection.All().selects(before, e)).count();
            assertEquals(visible, change.covered().size());
            assertEquals(15, change.covered().size());
            List<Integer> order = change.providerOrder(9000, ids(9001, change.covered().size()));
            for (int i = 0; i < change.covered().size(); i++) {
                int coveredAt = order.indexOf(change.covered().get(i).id());
                assertEquals(9001 + i, order.get(coveredAt - 1), "chain directly before the entry it covers");
            }
            assertEquals(9000, order.get(order.size() - 1));
        }
    }

    @Test
    void windows10LspChainsGetTheTracerAboveTheLsp() throws Exception {
        CatalogSnapshot snapshot = windows10();
        Catalog x64 = snapshot.catalog(Bitness.X64).orElseThrow();
        CatalogEntry lspLayered = x64.entries().stream().filter(e -> e.displayName().equals("ierd_tgp_lsp64"))
                .findFirst().orElseThrow();
        InstallPlan plan = planner.planInstall(snapshot, new Selection.Lsp(lspLayered.info().providerId()));
        CatalogChange change = plan.changes().get(0);
        assertEquals(Bitness.X64, change.bitness(), "the 32-bit LSP has its own GUID");
        assertEquals(List.of(1021, 1022, 1023), change.covered().stream().map(CatalogEntry::id).toList());
        assertEquals(List.of(7, 1020, 1007, 0, 0, 0, 0), change.chainEntries(7).get(0).info().chainEntries());
    }

    @Test
    void installThenRemoveGivesBackTheWindows10CatalogByteForByte() throws Exception {
        CatalogSnapshot snapshot = windows10();
        CatalogEntry lspChain = snapshot.catalog(Bitness.X64).orElseThrow().byId(1021).orElseThrow();
        List<Selection> selections = List.of(new Selection.All(), new Selection.Family(2), new Selection.Protocol(6),
                new Selection.Lsp(lspChain.info().providerId()), new Selection.Entries(List.of(1001, 1017, 1015)));
        for (Selection selection : selections) {
            RoundTrip.assertInstallThenRemoveRestores(snapshot, planner.planInstall(snapshot, selection));
        }
    }

    @Test
    void everyNetshSampleIsRefusedBecauseItsOrderIsUnknown() throws Exception {
        List<Path> dumps = SharedSamples.all("netsh");
        assertEquals(8, dumps.size());
        for (Path dump : dumps) {
            CatalogSnapshot snapshot = TracerFixtures.read(dump);
            UnsafePlanException refused = assertThrows(UnsafePlanException.class,
                    () -> planner.planInstall(snapshot, new Selection.All()), dump.toString());
            assertTrue(refused.reasons().get(0).contains("catalog: its provider order is unknown (this netsh winsock"
                    + " show catalog is not a whole catalog in provider order)"), dump + ": " + refused.reasons());
        }
    }

    @Test
    void everyRegSampleEitherPlansOrIsRefusedWithAReason() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (Path file : SharedSamples.all("reg")) {
            CatalogSnapshot snapshot;
            try {
                snapshot = TracerFixtures.read(file);
            } catch (CatalogReadException notACatalog) {
                outcomes.add(file.getFileName() + ": unreadable");
                continue;
            }
            try {
                outcomes.add(file.getFileName() + ": " + planner.planInstall(snapshot, new Selection.All())
                        .chainCount() + " chains");
            } catch (UnsafePlanException refused) {
                assertTrue(refused.reasons().stream().allMatch(r -> r.contains("provider order is unknown")),
                        refused.reasons().toString());
                outcomes.add(file.getFileName() + ": refused");
            }
        }
        assertEquals(List.of("cingchun_bccc_winsock.reg: unreadable", "cingchun_bccc_winsock2.reg: 30 chains",
                "distrobuilder_viosock_extracted.reg: refused"), outcomes);
    }

    private static List<Integer> ids(int first, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(first + i);
        }
        return ids;
    }
}
