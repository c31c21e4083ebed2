package dev.wpuscope.tracer;

import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.change.UnsafePlanException;
import static dev.wpuscope.catalog.CatalogFixtures.AF_INET6;
import static dev.wpuscope.catalog.CatalogFixtures.IPPROTO_UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.catalog.CatalogFixtures;
import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.CatalogFixtures.Lsp;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ProviderFlag;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner on synthetic catalogs: the exact entries, order and expected catalog, and every refusal. */
class TracerPlannerTest {

    private final TracerPlanner planner = new TracerPlanner(TracerFixtures.bothDlls());

    /** Windows' six MSAFD providers with an LSP over TCP/IPv4 and UDP/IPv4, in both catalogs. */
    private static CatalogBuilder withLsp(Bitness bitness) {
        CatalogBuilder c = CatalogFixtures.windows(bitness);
        c.lsp("Example LSP", "%SystemRoot%\\system32\\example.dll", true, c.get(1001), c.get(1002));
        return c;
    }

    private static CatalogSnapshot twoCatalogs() {
        return CatalogFixtures.snapshot(withLsp(Bitness.X64), withLsp(Bitness.X86)).build();
    }

    @Test
    void everyVisibleEntryGetsOneChainWithTheTracerOnTop() throws Exception {
        InstallPlan plan = planner.planInstall(twoCatalogs(), new Selection.All());
        assertEquals(List.of(Bitness.X86, Bitness.X64), plan.changes().stream().map(CatalogChange::bitness).toList(),
                "the 32-bit catalog is changed first");
        for (CatalogChange change : plan.changes()) {
            // provider order of the fixture: the LSP's two chains (1008, 1009) first, then 1001..1006; 1007 is
            // the LSP's hidden layered entry
            assertEquals(List.of(1008, 1009, 1001, 1002, 1003, 1004, 1005, 1006),
                    change.covered().stream().map(CatalogEntry::id).toList());
            assertEquals(change.bitness() == Bitness.X64 ? TracerFixtures.DLL64 : TracerFixtures.DLL32,
                    change.dllPath());
        }
        assertEquals(16, plan.chainCount());
    }

    @Test
    void layeredEntryIsHiddenWithChainLengthZeroAndTheDllsGuid() throws Exception {
        CatalogChange change = planner.planInstall(twoCatalogs(), new Selection.All()).changes().get(1);
        ProtocolInfo layered = change.layeredEntry().info();
        ProtocolInfo model = change.covered().get(0).info();
        assertEquals(0, layered.chainLength());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), layered.chainEntries());
        assertEquals(TracerIds.LAYERED_PROVIDER, layered.providerId());
        assertTrue(layered.hasProviderFlag(ProviderFlag.HIDDEN));
        assertFalse(layered.hasProviderFlag(ProviderFlag.MATCHES_PROTOCOL_ZERO));
        assertEquals(0, layered.socketType());
        assertEquals(0, layered.protocol());
        assertEquals(model.serviceFlags1(), layered.serviceFlags1());
        assertEquals(model.addressFamily(), layered.addressFamily());
        assertEquals("wpuscope tracer", layered.protocolName());
        assertEquals(TracerFixtures.DLL64, change.layeredEntry().dllPath());
    }

    @Test
    void chainsCopyTheCoveredEntryAndPutTheTracerInFront() throws Exception {
        CatalogChange change = planner.planInstall(twoCatalogs(), new Selection.All()).changes().get(1);
        List<TracerEntry> chains = change.chainEntries(2001);
        ProtocolInfo overLsp = chains.get(0).info();
        CatalogEntry lspChain = change.covered().get(0);
        assertEquals(3, overLsp.chainLength());
        assertEquals(List.of(2001, 1007, 1001, 0, 0, 0, 0), overLsp.chainEntries());
        assertEquals("wpuscope tracer over [Example LSP over [MSAFD Tcpip [TCP/IP]]]", overLsp.protocolName());
        ProtocolInfo overBase = chains.get(2).info();
        CatalogEntry base = change.covered().get(2);
        assertEquals(2, overBase.chainLength());
        assertEquals(List.of(2001, 1001, 0, 0, 0, 0, 0), overBase.chainEntries());
        for (int i = 0; i < chains.size(); i++) {
            ProtocolInfo chain = chains.get(i).info();
            ProtocolInfo covered = change.covered().get(i).info();
            assertEquals(TracerIds.CHAIN_PROVIDER, chain.providerId());
            assertEquals(0, chain.catalogEntryId(), "assigned by the catalog");
            assertEquals(covered.serviceFlags1(), chain.serviceFlags1(), "XP1 flags copied");
            assertEquals(covered.providerFlags() & ~ProviderFlag.HIDDEN.bit(), chain.providerFlags());
            assertEquals(List.of(covered.addressFamily(), covered.socketType(), covered.protocol(),
                            covered.maxSockAddr(), covered.minSockAddr(), covered.messageSize()),
                    List.of(chain.addressFamily(), chain.socketType(), chain.protocol(), chain.maxSockAddr(),
                            chain.minSockAddr(), chain.messageSize()));
            assertEquals(TracerFixtures.DLL64, chains.get(i).dllPath());
        }
        assertEquals(lspChain.info().serviceFlags1(), overLsp.serviceFlags1());
        assertEquals(base.info().protocolName(), "MSAFD Tcpip [TCP/IP]");
    }

    @Test
    void hiddenCoveredEntryGivesAVisibleChain() throws Exception {
        CatalogBuilder c = CatalogFixtures.windows(Bitness.X64);
        c.edit(1003, b -> {
            b.providerFlags = 0x4;
            return b;
        });
        CatalogChange change = planner.planInstall(CatalogFixtures.snapshot(c).build(),
                new Selection.Entries(List.of(1003))).changes().get(0);
        assertFalse(change.chainEntries(5).get(0).info().hasProviderFlag(ProviderFlag.HIDDEN));
    }

    @Test
    void eachChainIsOrderedDirectlyBeforeTheEntryItCoversAndTheLayeredEntryLast() throws Exception {
        CatalogChange change = planner.planInstall(twoCatalogs(), new Selection.Entries(List.of(1009, 1004)))
                .changes().get(0);
        List<Integer> order = change.providerOrder(3000, List.of(3001, 3002));
        assertEquals(List.of(1008, 3001, 1009, 1001, 1002, 1003, 3002, 1004, 1005, 1006, 1007, 3000), order);
        List<CatalogEntry> expected = change.expected(3000, List.of(3001, 3002));
        assertEquals(order, expected.stream().map(CatalogEntry::id).toList());
        CatalogEntry chain = expected.get(1);
        assertEquals(List.of(3000, 1007, 1002, 0, 0, 0, 0), chain.info().chainEntries());
        assertEquals(TracerIds.CHAIN_PROVIDER, chain.info().providerId());
        assertEquals(3001, chain.id());
        assertEquals(TracerIds.LAYERED_PROVIDER, expected.get(11).info().providerId());
        assertThrows(IllegalArgumentException.class, () -> change.providerOrder(3000, List.of(3001)));
    }

    @Test
    void selectionsByFamilyProtocolLspAndId() throws Exception {
        CatalogSnapshot snapshot = twoCatalogs();
        assertEquals(List.of(1004, 1005, 1006), coveredIds(snapshot, new Selection.Family(AF_INET6)));
        assertEquals(List.of(1009, 1002, 1005), coveredIds(snapshot, new Selection.Protocol(IPPROTO_UDP)));
        CatalogEntry lspLayered = snapshot.catalog(Bitness.X64).orElseThrow().byId(1007).orElseThrow();
        assertEquals(List.of(1008, 1009), coveredIds(snapshot, new Selection.Lsp(lspLayered.info().providerId())));
        CatalogEntry lspChain = snapshot.catalog(Bitness.X64).orElseThrow().byId(1009).orElseThrow();
        assertEquals(List.of(1009), coveredIds(snapshot, new Selection.Lsp(lspChain.info().providerId())));
        assertEquals(List.of(1008, 1006), coveredIds(snapshot, new Selection.Entries(List.of(1006, 1008))));
    }

    private List<Integer> coveredIds(CatalogSnapshot snapshot, Selection selection) throws UnsafePlanException {
        InstallPlan plan = planner.planInstall(snapshot, selection);
        CatalogChange change64 = plan.changes().stream().filter(c -> c.bitness() == Bitness.X64).findFirst()
                .orElseThrow();
        return change64.covered().stream().map(CatalogEntry::id).toList();
    }

    @Test
    void refusesAChainThatIsAlreadySevenLong() {
        CatalogBuilder c = CatalogFixtures.windows(Bitness.X64);
        Lsp lsp = c.lsp("Deep LSP", "deep.dll", true, c.get(1001));
        int layered = lsp.layered().id();
        c.edit(lsp.chains().get(0).id(), b -> b.chain(7, layered, layered, layered, layered, layered, layered, 1001));
        assertRefused(CatalogFixtures.snapshot(c).build(), new Selection.Entries(List.of(lsp.chains().get(0).id())),
                "is already 7 entries long; the tracer on top would exceed MAX_PROTOCOL_CHAIN (7)");
    }

    @Test
    void refusesWhenTheTracerIsAlreadyInstalled() throws Exception {
        InMemoryCatalog memory = InMemoryCatalog.of(twoCatalogs());
        TracerApplier applier = new TracerApplier(memory, TracerFixtures.ELEVATED, snapshot -> null);
        InstallPlan plan = planner.planInstall(applier.read(), new Selection.Family(AF_INET6));
        assertEquals(ApplyReport.Outcome.APPLIED, applier.install(plan, step -> { }).outcome());
        assertRefused(applier.read(), new Selection.All(), "64-bit catalog: the tracer is already installed");
    }

    @Test
    void refusesWhenTheDllOfANeededBitnessIsMissing() throws Exception {
        TracerPlanner only64 = new TracerPlanner(TracerFixtures.dlls(Set.of(Bitness.X64)));
        UnsafePlanException refused = assertThrows(UnsafePlanException.class,
                () -> only64.planInstall(twoCatalogs(), new Selection.All()));
        assertEquals(List.of("32-bit catalog: no 32-bit tracer DLL"), refused.reasons());
        CatalogSnapshot only64Catalog = CatalogFixtures.snapshot(withLsp(Bitness.X64)).build();
        assertEquals(1, only64.planInstall(only64Catalog, new Selection.All()).changes().size(),
                "a DLL is only needed for a catalog that is changed");
    }

    @Test
    void directoryDllsAreFoundByBitness(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TracerDllDirectory dlls = new TracerDllDirectory(dir);
        java.nio.file.Files.createDirectories(dir.resolve("x64"));
        java.nio.file.Files.writeString(dir.resolve("x64/wputrace.dll"), "MZ");
        assertEquals(dir.resolve("x64/wputrace.dll").toAbsolutePath().toString(),
                dlls.catalogPath(Bitness.X64).orElseThrow());
        assertTrue(dlls.catalogPath(Bitness.X86).isEmpty());
        assertTrue(dlls.missingReason(Bitness.X86).contains(dir.resolve("x86").resolve("wputrace.dll").toString()));
    }

    @Test
    void refusesToCoverABrokenChain() {
        CatalogBuilder c = withLsp(Bitness.X64);
        c.remove(1007);
        assertRefused(CatalogFixtures.snapshot(c).build(), new Selection.Entries(List.of(1008)),
                "64-bit catalog: entry 1008 \"Example LSP over [MSAFD Tcpip [TCP/IP]]\" is broken: its chain names"
                        + " catalog id 1007, which does not exist");
    }

    @Test
    void refusesAnEmptySelection() {
        assertRefused(twoCatalogs(), new Selection.Family(99),
                "the selection (every visible entry of address family 99) matches no entry: nothing to trace");
        assertRefused(twoCatalogs(), new Selection.Entries(List.of(4242)),
                "no catalog holds an entry with id 4242");
    }

    @Test
    void refusesACatalogWhoseOrderIsUnknown() {
        CatalogBuilder c = withLsp(Bitness.X64).excerpt();
        assertRefused(CatalogFixtures.snapshot(c).build(), new Selection.All(),
                "64-bit catalog: its provider order is unknown");
    }

    @Test
    void refusesAnEntryWhoseFieldsAreUnknown() {
        CatalogBuilder c = withLsp(Bitness.X64);
        c.edit(1003, b -> {
            b.flags2 = null;
            return b;
        });
        assertRefused(CatalogFixtures.snapshot(c).build(), new Selection.All(),
                "64-bit catalog: entry 1003 \"MSAFD Tcpip [RAW/IP]\": dwServiceFlags2 is unknown in this source");
    }

    @Test
    void refusesALayeredEntryAsCoveredEntry() {
        assertRefused(twoCatalogs(), new Selection.Entries(List.of(1007)), "is a layered entry (ChainLen 0)");
    }

    @Test
    void refusesDuplicateIdsAndAPathTheCatalogCannotStore() {
        CatalogBuilder c = withLsp(Bitness.X64).duplicate(1003);
        assertRefused(CatalogFixtures.snapshot(c).build(), new Selection.All(), "catalog id 1003 appears more than once");
        TracerDlls longPath = new TracerDlls() {
            @Override
            public java.util.Optional<String> catalogPath(Bitness bitness) {
                return java.util.Optional.of("C:\\" + "x".repeat(300) + ".dll");
            }

            @Override
            public String missingReason(Bitness bitness) {
                return "";
            }
        };
        UnsafePlanException refused = assertThrows(UnsafePlanException.class, () -> new TracerPlanner(longPath)
                .planInstall(twoCatalogs(), new Selection.All()));
        assertTrue(refused.reasons().get(0).contains("cannot be stored in the catalog"), refused.reasons().toString());
    }

    @Test
    void refusesASourceWithoutCatalogs() {
        CatalogSnapshot empty = CatalogFixtures.snapshot().build();
        assertRefused(empty, new Selection.All(), "fixture.reg holds no protocol catalog");
    }

    @Test
    void textShowsWhatIsAddedWhereAndInWhichOrder() throws Exception {
        String text = PlanText.install(planner.planInstall(twoCatalogs(), new Selection.Entries(List.of(1002))));
        assertTrue(text.contains("Plan: attach the wpuscope tracer to the entries with catalog id 1002"), text);
        assertTrue(text.contains("64-bit catalog (Catalog_Entries64):"), text);
        assertTrue(text.contains("add hidden layered entry T  \"wpuscope tracer\"  {" + TracerIds.LAYERED_PROVIDER
                + "}"), text);
        assertTrue(text.contains("DLL " + TracerFixtures.DLL32), text);
        assertTrue(text.contains("C1  \"wpuscope tracer over [MSAFD Tcpip [UDP/IP]]\"  chain [T, 1002]"), text);
        assertTrue(text.contains("      4. + C1\n      5.   entry 1002 \"MSAFD Tcpip [UDP/IP]\"\n"), text);
        assertTrue(text.contains("     11. + T\n"), text);
        assertTrue(text.indexOf("32-bit catalog") < text.indexOf("64-bit catalog"), "applied in this order");
    }

    @Test
    void jsonHasTheChainsAndTheOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanJson.install(
                planner.planInstall(twoCatalogs(), new Selection.Entries(List.of(1008)))));
        assertEquals("install", json.get("action").asText());
        assertEquals(TracerIds.CHAIN_PROVIDER.toString(), json.get("chainProviderId").asText());
        JsonNode catalog = json.get("catalogs").get(1);
        assertEquals("64-bit", catalog.get("bitness").asText());
        JsonNode chain = catalog.get("chains").get(0);
        assertEquals("[\"T\",1007,1001]", chain.get("chainEntries").toString());
        assertEquals(1008, chain.get("covers").asInt());
        assertEquals("[\"C1\",1008,1009,1001,1002,1003,1004,1005,1006,1007,\"T\"]",
                catalog.get("providerOrderAfter").toString());
    }

    private void assertRefused(CatalogSnapshot snapshot, Selection selection, String reasonPart) {
        UnsafePlanException refused = assertThrows(UnsafePlanException.class,
                () -> planner.planInstall(snapshot, selection));
        assertTrue(refused.reasons().stream().anyMatch(r -> r.contains(reasonPart)),
                "expected a reason with \"" + reasonPart + "\" in " + refused.reasons());
    }

}
