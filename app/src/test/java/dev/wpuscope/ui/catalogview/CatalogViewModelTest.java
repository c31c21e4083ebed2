package dev.wpuscope.ui.catalogview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.NetshCatalogFormat;
import dev.wpuscope.ui.DetailRow;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.LocalDlls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Catalog view's state on the project's example catalog, read by the real .reg reader. */
class CatalogViewModelTest {
    private final CatalogViewModel model = new CatalogViewModel();
    private CatalogSnapshot snapshot;

    @BeforeEach
    void showExample() throws Exception {
        snapshot = ExampleFiles.readExampleCatalog();
        model.show(snapshot, ExampleFiles.diagnose(snapshot), ExampleFiles.OFFLINE_FILES, true);
    }

    @Test
    void listsEveryEntryOfBothCatalogsInProviderOrder() {
        assertEquals(13 + 10, model.entries().size());
        EntryRow first = model.entries().get(0);
        assertEquals(Bitness.X64, first.bitness());
        assertEquals(1, first.position());
        assertEquals("1031", first.idText());
        assertEquals("1030 → 1020 → 1001", first.chainText());
        assertTrue(model.sourceLabelProperty().get().startsWith("Example: Registry export"));
        assertEquals(8, model.namespaces().size());
    }

    @Test
    void treeGroupsChainsBaseProvidersAndLayeredEntriesPerCatalog() {
        List<ChainTreeNode> roots = model.treeProperty().get();
        assertEquals(2, roots.size());
        assertTrue(roots.get(0).label().startsWith("64-bit catalog (Catalog_Entries64, 13 entries)"));
        assertEquals(List.of("Protocol chains (5)", "Base providers (6)", "Layered entries (LSPs) (2)"),
                roots.get(0).children().stream().map(ChainTreeNode::label).toList());
        assertEquals(List.of("Protocol chains (3)", "Base providers (6)", "Layered entries (LSPs) (1)"),
                roots.get(1).children().stream().map(ChainTreeNode::label).toList());
    }

    @Test
    void brokenChainShowsItsMissingLayeredEntry() {
        ChainTreeNode chains = model.treeProperty().get().get(0).children().get(0);
        ChainTreeNode broken = chains.children().stream().filter(n -> n.label().startsWith("1041")).findFirst()
                .orElseThrow();
        assertTrue(broken.entry().hasMissingLink());
        assertEquals(ChainTreeNode.Kind.MISSING_LINK, broken.children().get(0).kind());
        assertEquals("1040  missing from the 64-bit catalog (layered entry)", broken.children().get(0).label());
        assertEquals("1004  MSAFD Tcpip [UDP/IPv6]  (base provider)", broken.children().get(1).label());
    }

    @Test
    void detailsDecodeEveryField() {
        model.selectedProperty().set(model.rowFor(Bitness.X64, 1021));
        Map<String, String> details = ExampleFiles.byName(model.details());
        assertEquals("Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]", details.get("Name (szProtocol)"));
        assertEquals("Protocol chain", details.get("Entry type"));
        assertEquals("64-bit (Catalog_Entries64), position 3", details.get("Catalog"));
        assertEquals("{6C0E4A1B-93F2-4D57-A8C1-2F5B7E90D3A4}", details.get("Provider id"));
        assertEquals("%ProgramFiles%\\Contoso\\WebFilter\\cwflsp.dll", details.get("Provider DLL"));
        assertEquals("1020 Contoso Web Filter  →  1001 MSAFD Tcpip [TCP/IP]", details.get("Chain"));
        assertEquals("0x00000066  XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE"
                + " | XP1_EXPEDITED_DATA", details.get("Service flags 1"));
        assertEquals("0x00000008  PFL_MATCHES_PROTOCOL_ZERO", details.get("Provider flags"));
        assertEquals("AF_INET (2)", details.get("Address family"));
        assertEquals("SOCK_STREAM (1)", details.get("Socket type"));
        assertEquals("IPPROTO_TCP (6)", details.get("Protocol"));
        assertEquals("0 (stream-oriented)", details.get("Message size"));
        assertTrue(details.get("Findings").contains("WPS007"), details.get("Findings"));
        assertEquals("64-bit entry 1021: Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]",
                model.selectionSummaryProperty().get());
    }

    @Test
    void selectingAFindingSelectsItsEntryAndBack() {
        Finding missingLink = model.findings().stream().filter(f -> f.ruleId().equals("WPS002")).findFirst()
                .orElseThrow();
        model.selectedFindingProperty().set(missingLink);
        EntryRow selected = model.selectedProperty().get();
        assertNotNull(selected);
        assertEquals("1041", selected.idText());
        assertTrue(model.isLinkedToSelectedFinding(selected));
        assertFalse(model.isLinkedToSelectedFinding(model.rowFor(Bitness.X64, 1001)));
        assertTrue(model.isAboutSelectedEntry(missingLink));
        assertTrue(model.findingTextProperty().get().contains("What to do:"));
        assertTrue(model.diagnosisSummaryProperty().get().startsWith("Diagnostics (1 error"),
                model.diagnosisSummaryProperty().get());
    }

    @Test
    void fieldsASourceLacksAreSaidToBeAbsent() throws Exception {
        CatalogSnapshot netsh = new NetshCatalogFormat().read(
                ExampleFiles.sharedSample("netsh/wsl-40110_win11_reset_part1.txt"));
        model.show(netsh, ExampleFiles.diagnose(netsh), ExampleFiles.OFFLINE_FILES, false);
        model.selectedProperty().set(model.entries().get(0));
        Map<String, String> details = ExampleFiles.byName(model.details());
        assertEquals("not in source", details.get("Provider flags"));
        assertFalse(model.sourceLabelProperty().get().startsWith("Example"));
        assertTrue(model.firstLookProperty().get().caveatsTitle().startsWith("What this source cannot tell ("));
    }

    @Test
    void comparingListsTheChanges() {
        assertTrue(DiffRow.of(new dev.wpuscope.catalog.diff.CatalogDiffer().diff(snapshot, snapshot)).isEmpty());
        CatalogSnapshot only32 = new CatalogSnapshot(snapshot.kind(), "only the 32-bit catalog",
                Map.of(Bitness.X86, snapshot.catalog(Bitness.X86).orElseThrow()), snapshot.namespaceProviders(),
                snapshot.appIdRules(), snapshot.lspCategories(), snapshot.limitations(), snapshot.warnings());
        model.showDiff(new dev.wpuscope.catalog.diff.CatalogDiffer().diff(snapshot, only32));
        assertTrue(model.diffRows().stream().anyMatch(r -> r.catalog().equals("64-bit")
                && r.change().equals("catalog removed")), model.diffRows().toString());
        assertTrue(model.diffTitleProperty().get().startsWith("Compare ("));
    }

    @Test
    void anOfflineCatalogSaysWhyItsDllsAreNotRead() {
        model.selectedProperty().set(model.rowFor(Bitness.X64, 1021));
        Map<String, String> details = ExampleFiles.byName(model.details());
        assertEquals("offline catalog: the DLL is on the customer's machine", details.get("DLL file"));
        assertFalse(details.containsKey("File version"));
    }

    @Test
    void dllsOnThisMachineAreReadOnceInTheBackgroundAndShownAfterTheirPath() {
        List<Runnable> background = new ArrayList<>();
        CatalogViewModel live = new CatalogViewModel(background::add, Runnable::run);
        LocalDlls files = LocalDlls.builtTracer();
        live.show(snapshot, ExampleFiles.diagnose(snapshot), files, false);
        live.selectedProperty().set(live.rowFor(Bitness.X64, 1021));
        assertEquals(1, background.size(), "the file is read off the calling thread");
        assertTrue(ExampleFiles.byName(live.details()).get("DLL file").startsWith("reading version and signature"));
        background.remove(0).run();
        List<String> names = live.details().stream().map(DetailRow::name).toList();
        int path = names.indexOf("Provider DLL");
        assertEquals(List.of("DLL file", "File version", "File description", "Company", "Product", "Original file name",
                "Signer", "Signature status"), names.subList(path + 1, path + 9));
        Map<String, String> details = ExampleFiles.byName(live.details());
        assertEquals(files.dll() + "\nx64 DLL", details.get("DLL file"));
        assertTrue(details.get("File version").matches("\\d+\\.\\d+\\.\\d+\\.0 \\(FileVersion \"\\d+\\.\\d+\\.\\d+\"\\)"),
                details.get("File version"));
        assertEquals("wpuscope project", details.get("Company"));
        assertEquals("not signed", details.get("Signer"));
        assertEquals("no embedded signature\ntrust: chain not checked: offline (only Windows can judge trust"
                + " in a root)", details.get("Signature status"));
        live.selectedProperty().set(live.rowFor(Bitness.X64, 1001));
        background.remove(0).run();
        live.selectedProperty().set(live.rowFor(Bitness.X64, 1021));
        assertTrue(background.isEmpty(), "a path read once is not read again");
        assertEquals("wpuscope project", ExampleFiles.byName(live.details()).get("Company"));
        assertEquals(2, files.checks(), "the DLLs of 1021 and 1001, each read once");
    }

    @Test
    void aDllInTheWrongCatalogIsFlagged() {
        List<Runnable> background = new ArrayList<>();
        CatalogViewModel live = new CatalogViewModel(background::add, Runnable::run);
        live.show(snapshot, ExampleFiles.diagnose(snapshot), LocalDlls.builtTracer(), false);
        EntryRow x86 = live.entries().stream().filter(r -> r.bitness() == Bitness.X86).findFirst().orElseThrow();
        live.selectedProperty().set(x86);
        background.forEach(Runnable::run);
        assertTrue(ExampleFiles.byName(live.details()).get("DLL file").endsWith(
                "x64 DLL — a 64-bit image in the 32-bit catalog: its processes cannot load it"));
    }
}
