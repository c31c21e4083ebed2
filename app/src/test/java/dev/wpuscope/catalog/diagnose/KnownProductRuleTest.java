package dev.wpuscope.catalog.diagnose;

import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.known.MatchBasis;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WPS021 and the LSP recognition behind it, on catalogs built in the test. */
class KnownProductRuleTest {

    private static final String PROXIFIER_DLL = "C:\\Windows\\system32\\PrxerDrv.dll";

    private static CatalogSnapshot proxifierAndAnUnknownLsp() {
        CatalogBuilder x64 = windows(Bitness.X64);
        CatalogEntry[] bases = x64.entries().toArray(CatalogEntry[]::new);
        x64.lsp("Proxifier LSP", PROXIFIER_DLL, false, bases);
        x64.lsp("Homegrown LSP", "C:\\tools\\homegrown.dll", true, bases);
        CatalogBuilder x86 = windows(Bitness.X86);
        x86.lsp("Proxifier LSP", PROXIFIER_DLL, false, x86.entries().toArray(CatalogEntry[]::new));
        return snapshot(x64, x86).build();
    }

    @Test
    void eachLspSaysWhatItIsOrThatItIsUnknown() {
        List<RecognisedLsp> lsps = RecognisedLsp.of(proxifierAndAnUnknownLsp(), KnownLsps.standard());
        assertEquals(3, lsps.size());
        assertEquals("Proxifier LSP: Proxifier (matched by DLL name PrxerDrv.dll)", lsps.get(0).describe());
        assertEquals(MatchBasis.DLL_NAME, lsps.get(0).match().orElseThrow().basis());
        assertEquals("Homegrown LSP: not a product wpuscope knows", lsps.get(1).describe());
        assertEquals(Bitness.X86, lsps.get(2).bitness());
    }

    @Test
    void aKnownProductWithBreakagesIsOneWarningOverBothCatalogs() {
        Diagnosis d = CatalogDiagnostics.standard().diagnose(proxifierAndAnUnknownLsp(),
                ProviderFileCheck.unavailable("test"));
        List<Finding> known = d.ofRule("WPS021");
        assertEquals(1, known.size(), known.toString());
        Finding f = known.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.title().startsWith("Proxifier LSP is Proxifier (matched by DLL name PrxerDrv.dll), known to break"
                + " WSL 2 (wsl.exe, wslservice.exe)"), f.title());
        assertTrue(f.entries().stream().anyMatch(e -> e.catalog() == Bitness.X86), "both catalogs' entries");
        assertTrue(f.explanation().contains("Wsl/Service/0x8007273d")
                && f.explanation().contains("https://github.com/microsoft/WSL/issues/9331"), f.explanation());
        assertTrue(f.remedy().contains("NoLsp.exe") && f.remedy().contains("https://github.com/microsoft/WSL/issues/4177"),
                f.remedy());
        assertTrue(f.entries().stream().noneMatch(e -> e.name().startsWith("Homegrown")), "the unknown LSP is not in it");
    }

    @Test
    void aProductWithoutAPublishedWorkaroundSaysSo() {
        CatalogBuilder x64 = windows(Bitness.X64);
        x64.lsp("MaLion.IWat", "C:\\Program Files (x86)\\Intercom\\MaLion\\Isvp\\bin\\x64\\other.dll", true,
                x64.entries().toArray(CatalogEntry[]::new));
        Finding f = CatalogDiagnostics.standard().diagnose(snapshot(x64).build(), ProviderFileCheck.unavailable("test"))
                .ofRule("WPS021").get(0);
        assertTrue(f.title().contains("Intercom MaLion (matched by protocol name MaLion.IWat)"), f.title());
        assertTrue(f.remedy().startsWith("The sources publish no workaround for Intercom MaLion"), f.remedy());
    }
}
