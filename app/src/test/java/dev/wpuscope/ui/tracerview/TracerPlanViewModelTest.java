package dev.wpuscope.ui.tracerview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.tracer.Selection;
import dev.wpuscope.tracer.TracerDlls;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Choice;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Kind;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Result;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TracerPlanViewModelTest {

    /** DLLs "present" at fixed paths, so plans do not depend on the native build. */
    static final TracerDlls DLLS = new TracerDlls() {
        @Override
        public Optional<String> catalogPath(Bitness bitness) {
            return Optional.of("C:\\wpuscope\\" + (bitness == Bitness.X64 ? "x64" : "x86") + "\\wputrace.dll");
        }

        @Override
        public String missingReason(Bitness bitness) {
            throw new AssertionError("never missing");
        }
    };

    private static CatalogEntry entry(CatalogSnapshot snapshot, Bitness bitness, int id) {
        return snapshot.catalog(bitness).orElseThrow().byId(id).orElseThrow();
    }

    @Test
    void plansTcpOnTheExampleCatalogAsThePlannerDoes() throws Exception {
        TracerPlanViewModel model = new TracerPlanViewModel(ExampleFiles.readExampleCatalog(), DLLS);

        Result result = model.plan(new Choice(Kind.PROTOCOL, " 6 "));

        Result.Planned planned = assertInstanceOf(Result.Planned.class, result);
        assertEquals(new Selection.Protocol(6), planned.plan().selection());
        assertEquals(9, planned.plan().chainCount(), "4 TCP entries in the 32-bit catalog, 5 in the 64-bit one");
        assertTrue(planned.text().contains("C1  \"wpuscope tracer over [Fabrikam Traffic Shaper over"), planned.text());
        assertTrue(planned.text().contains("C:\\wpuscope\\x86\\wputrace.dll"), planned.text());
    }

    @Test
    void everyChainOfTheExampleIsRefusedBecauseOfItsBrokenChain() throws Exception {
        TracerPlanViewModel model = new TracerPlanViewModel(ExampleFiles.readExampleCatalog(), DLLS);

        Result.Refused refused = assertInstanceOf(Result.Refused.class, model.plan(new Choice(Kind.ALL, "")));

        assertEquals(List.of("64-bit catalog: entry 1041 \"Northwind VPN Helper over [MSAFD Tcpip [UDP/IPv6]]\" is"
                + " broken: its chain names catalog id 1040, which does not exist"), refused.reasons());
    }

    @Test
    void aNetshCatalogIsRefusedBecauseItsOrderIsUnknown() throws Exception {
        CatalogSnapshot netsh = CatalogSources.read(SharedSamples.file("netsh/trio-52_win10_hyperv_part1.txt"));
        TracerPlanViewModel model = new TracerPlanViewModel(netsh, DLLS);

        Result.Refused refused = assertInstanceOf(Result.Refused.class, model.plan(new Choice(Kind.FAMILY, "2")));

        assertTrue(refused.reasons().stream().anyMatch(r -> r.contains("its provider order is unknown")),
                refused.reasons().toString());
    }

    @Test
    void prefillsTheLspOfASelectedLayeredEntryElseTheSelectedIds() throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        CatalogEntry contoso = entry(example, Bitness.X64, 1020);
        CatalogEntry tcp = entry(example, Bitness.X64, 1001);

        assertEquals(new Choice(Kind.LSP, contoso.info().providerId().toString()),
                TracerPlanViewModel.prefill(List.of(tcp, contoso)));
        assertEquals(new Choice(Kind.ENTRIES, "1001"), TracerPlanViewModel.prefill(List.of(tcp)));
        assertEquals(new Choice(Kind.ALL, ""), TracerPlanViewModel.prefill(List.of()));
    }

    @Test
    void anLspChoiceCoversItsChains() throws Exception {
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        TracerPlanViewModel model = new TracerPlanViewModel(example, DLLS);
        UUID fabrikam = entry(example, Bitness.X64, 1030).info().providerId();

        assertTrue(model.lsps().stream().anyMatch(lsp -> lsp.providerId().equals(fabrikam)), model.lsps().toString());
        Result.Planned planned = assertInstanceOf(Result.Planned.class,
                model.plan(new Choice(Kind.LSP, "{" + fabrikam + "}")));
        assertEquals(1, planned.plan().chainCount(), planned.text());
    }

    @Test
    void valuesThatAreNotASelectionSayWhatToType() throws Exception {
        TracerPlanViewModel model = new TracerPlanViewModel(ExampleFiles.readExampleCatalog(), DLLS);

        assertEquals(new Result.Invalid("Type an address family (2 IPv4, 23 IPv6) as a number; \"ipv4\" is not one."),
                model.plan(new Choice(Kind.FAMILY, "ipv4")));
        assertEquals(new Result.Invalid("Catalog ids are numbers separated by commas; \"x\" is not one."),
                model.plan(new Choice(Kind.ENTRIES, "1001, x")));
        assertInstanceOf(Result.Invalid.class, model.plan(new Choice(Kind.LSP, "")));
        Result.Refused unknown = assertInstanceOf(Result.Refused.class,
                model.plan(new Choice(Kind.ENTRIES, "1001 4242")));
        assertTrue(unknown.reasons().contains("no catalog holds an entry with id 4242"), unknown.reasons().toString());
    }
}
