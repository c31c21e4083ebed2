package dev.wpuscope.catalog.report;

import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report: self-contained, everything from the source escaped, the repair plan only when given. */
class HtmlReportTest {

    static final String HOSTILE = "<script>alert('x')</script> & \"Evil\" \u001b[2J";

    /** Proxifier (a known product) and an LSP whose name and DLL path try to inject markup. */
    static CatalogSnapshot proxifierAndAHostileLsp() {
        CatalogBuilder x64 = windows(Bitness.X64);
        CatalogEntry[] bases = x64.entries().toArray(CatalogEntry[]::new);
        x64.lsp("Proxifier LSP", "C:\\Windows\\system32\\PrxerDrv.dll", false, bases);
        x64.lsp(HOSTILE, "C:\\<img src=x onerror=alert(1)>.dll", true, bases);
        return snapshot(x64).build();
    }

    static String render(CatalogSnapshot snapshot, Optional<RepairPlanSummary> plan) {
        return HtmlReport.render(new CatalogReport(snapshot,
                CatalogDiagnostics.standard().diagnose(snapshot, ProviderFileCheck.unavailable("test")),
                RecognisedLsp.of(snapshot, KnownLsps.standard()), plan, Instant.parse("2026-12-06T10:00:00Z")));
    }

    @Test
    void textFromTheSourceIsEscaped() {
        String html = render(proxifierAndAHostileLsp(), Optional.empty());
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no injected element");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Evil&quot; \\x1b[2J"), html);
        assertTrue(html.contains("C:\\&lt;img src=x onerror=alert(1)&gt;.dll"), html);
    }

    @Test
    void nothingIsLoadedFromElsewhere() {
        String html = render(proxifierAndAHostileLsp(), Optional.empty());
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>"), "styles inline");
        assertFalse(Pattern.compile("<(link|script|img|iframe|object)\\b").matcher(html).find(), "no external asset");
        assertFalse(Pattern.compile("<[^>]*\\ssrc=").matcher(html).find() || html.contains("@import")
                || html.contains("url("), "no resource URL");
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertTrue(links.group(1).startsWith("https://"), "only links to sources: " + links.group(1));
        }
    }

    @Test
    void theProductComesBeforeTheFindingsWithWhatItBreaksAndTheFix() {
        String html = render(proxifierAndAHostileLsp(), Optional.empty());
        int product = html.indexOf("<strong>Proxifier</strong>");
        int findings = html.indexOf("<h2>Findings</h2>");
        int catalogs = html.indexOf("<h2>Catalogs</h2>");
        assertTrue(product > 0 && findings > product && catalogs > findings, html);
        assertTrue(html.contains("<p class=\"summary worst-warning\">1 known product with known breakages, 2 warnings,"),
                html);
        assertTrue(html.contains("Wsl/Service/0x8007273d (WSAEOPNOTSUPP)"));
        assertTrue(html.contains("<a href=\"https://github.com/microsoft/WSL/issues/4177\">source</a>"), html);
        assertTrue(html.contains("Not a product wpuscope knows"), "the unknown LSP says so");
        assertTrue(html.contains("Proxifier LSP [1007]</span> <span class=\"arrow\">→</span>"), "chains as links");
    }

    @Test
    void theRepairPlanIsShownOnlyWhenGiven() {
        assertFalse(render(proxifierAndAHostileLsp(), Optional.empty()).contains("Repair plan"));
        String html = render(proxifierAndAHostileLsp(), Optional.of(new RepairPlanSummary(
                "Remove Proxifier's LSP from the 64-bit catalog <made offline>",
                List.of("remove chain 1017", "remove layered entry 1016"), List.of("keep <other> LSP: layered above"))));
        int plan = html.indexOf("<h2>Repair plan</h2>");
        assertTrue(plan > html.indexOf("<h2>Findings</h2>") && plan < html.indexOf("<h2>Catalogs</h2>"), html);
        assertTrue(html.contains("<ol><li>remove chain 1017</li><li>remove layered entry 1016</li></ol>"), html);
        assertTrue(html.contains("keep &lt;other&gt; LSP: layered above"), html);
        assertTrue(html.contains("made offline&gt;"), html);
    }

    @Test
    void anEmptySourceSaysSo() {
        String html = render(snapshot().build(), Optional.empty());
        assertTrue(html.contains("This source shows no layered service provider (LSP)."));
        assertTrue(html.contains("This source holds no protocol catalog."));
        assertEquals(1, html.split("<h1>", -1).length - 1);
    }
}
