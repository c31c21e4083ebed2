package dev.wpuscope.catalog.report;

import dev.wpuscope.WpuscopeVersion;
import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.WinsockNames;
import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.diagnose.DiagnosisSummary;
import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.diagnose.Severity;
import dev.wpuscope.catalog.diagnose.WholeCatalog;
import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownBreakage;
import dev.wpuscope.catalog.known.KnownProduct;
import dev.wpuscope.catalog.known.ProductCategory;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page about a catalog: the source, a summary line, the recognised products with what
 * they break and the fix, the findings with their remedies, the repair plan when given, the catalogs as chains,
 * and what the source cannot tell. Styles are inline, nothing is loaded from elsewhere and no script is needed;
 * all text from the source is escaped.
 */
public final class HtmlReport {

    private static final String STYLE = "/dev/wpuscope/catalog/report/report.css";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<Severity> WORST_FIRST = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

    private final Html html = new Html();

    private HtmlReport() {
    }

    public static String render(CatalogReport report) {
        return new HtmlReport().page(report);
    }

    private String page(CatalogReport report) {
        CatalogSnapshot snapshot = report.snapshot();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", "", "wpuscope report: " + EntryLabels.fileName(snapshot.location()))
                .raw("<style>").raw(style()).raw("</style></head><body>");
        html.open("header", "").element("h1", "", "Winsock catalog report").open("p", "source")
                .element("span", "label", snapshot.kind().label()).text(" ").element("code", "", snapshot.location())
                .close("p").element("p", "made", "Made " + WHEN.format(report.made()) + " by "
                        + WpuscopeVersion.text()).close("header");
        html.element("p", "summary " + summaryClass(report), DiagnosisSummary.headline(report.diagnosis()));
        products(report.lsps());
        findings(report.diagnosis().findings());
        report.plan().ifPresent(this::plan);
        catalogs(snapshot);
        notes(snapshot);
        html.raw("</body></html>\n");
        return html.toString();
    }

    private static String summaryClass(CatalogReport report) {
        return report.diagnosis().worstSeverity().map(s -> "worst-" + s.label().toLowerCase()).orElse("clean");
    }

    private void products(List<RecognisedLsp> lsps) {
        html.open("section", "products").element("h2", "", "Layered providers and the products behind them");
        if (lsps.isEmpty()) {
            html.element("p", "empty", "This source shows no layered service provider (LSP).");
        }
        for (RecognisedLsp lsp : lsps) {
            html.open("div", lsp.match().isPresent() ? "card known" : "card unknown")
                    .open("h3", "").text(lsp.name()).element("span", "tag", lsp.bitness().label()).close("h3");
            if (lsp.match().isEmpty()) {
                html.element("p", "", "Not a product wpuscope knows: its GUID, DLL name and protocol name are in no "
                        + "entry of the knowledge base.");
            }
            lsp.match().ifPresent(this::product);
            html.close("div");
        }
        html.close("section");
    }

    private void product(EntryMatch match) {
        KnownProduct product = match.product();
        String kind = product.category() == ProductCategory.OTHER ? "" : " (" + product.category().label() + ")";
        html.open("p", "product").element("strong", "", product.displayName()).text(" — " + product.description()
                + kind + ". ").link(product.aboutSource(), "source").raw("<br>")
                .element("span", "basis", match.basis().label() + " " + match.matched()).close("p");
        if (product.breakages().isEmpty()) {
            return;
        }
        html.open("table", "breakages").head("Breaks", "Symptom", "Error or API", "Workaround").open("tbody", "");
        for (KnownBreakage b : product.breakages()) {
            html.open("tr", "").element("td", "", b.affected()).open("td", "").text(b.symptom() + " ")
                    .link(b.source(), "source").close("td").element("td", "", b.error()).open("td", "fix");
            if (b.workaround() == null) {
                html.element("span", "muted", "none published");
            } else {
                html.text(b.workaround() + " ").link(b.workaroundSource(), "source");
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    private void findings(List<Finding> findings) {
        html.open("section", "findings").element("h2", "", "Findings");
        if (findings.isEmpty()) {
            html.element("p", "empty", "No findings: every rule passed on this catalog.");
        }
        for (Severity severity : WORST_FIRST) {
            for (Finding f : findings.stream().filter(f -> f.severity() == severity).toList()) {
                finding(f);
            }
        }
        html.close("section");
    }

    private void finding(Finding f) {
        String level = f.severity().label().toLowerCase();
        html.open("div", "card finding " + level).open("h3", "").element("span", "badge " + level, f.severity().label())
                .element("span", "rule", f.ruleId()).textWithLinks(f.title()).close("h3");
        if (!f.entries().isEmpty()) {
            html.element("p", "entries", "Entries: " + f.entries().stream().map(EntryRef::toString)
                    .collect(Collectors.joining("; ")));
        }
        html.open("p", "why").element("span", "label", "Why").textWithLinks(f.explanation()).close("p");
        html.open("p", "remedy").element("span", "label", "What to do").textWithLinks(f.remedy()).close("p");
        html.close("div");
    }

    private void plan(RepairPlanSummary plan) {
        html.open("section", "plan").element("h2", "", "Repair plan").element("p", "", plan.description());
        html.open("ol", "");
        plan.changes().forEach(change -> html.element("li", "", change));
        html.close("ol");
        if (!plan.refusals().isEmpty()) {
            html.element("h3", "", "Refused");
            html.open("ul", "refusals");
            plan.refusals().forEach(refusal -> html.element("li", "", refusal));
            html.close("ul");
        }
        html.close("section");
    }

    private void catalogs(CatalogSnapshot snapshot) {
        html.open("section", "catalogs").element("h2", "", "Catalogs");
        if (snapshot.catalogs().isEmpty()) {
            html.element("p", "empty", "This source holds no protocol catalog.");
        }
        for (Bitness bitness : Bitness.values()) {
            snapshot.catalog(bitness).ifPresent(this::catalog);
        }
        html.close("section");
    }

    private void catalog(Catalog catalog) {
        html.element("h3", "", catalog.bitness().label() + " catalog (" + catalog.bitness().registryKey() + "): "
                + catalog.entries().size() + " entries, " + (catalog.orderKnown() ? "in provider order"
                : "real provider order unknown (an excerpt)"));
        List<CatalogEntry> chains = catalog.entriesOfType(EntryType.CHAIN);
        if (!chains.isEmpty()) {
            html.element("h4", "", "Protocol chains (LSP → … → base provider)");
            html.open("table", "entries").head("#", "Id", "Chain", "DLL").open("tbody", "");
            for (CatalogEntry chain : chains) {
                html.open("tr", "").element("td", "num", position(catalog, chain)).element("td", "num", id(chain))
                        .open("td", "chain");
                List<ChainLink> links = catalog.resolveChain(chain);
                for (int i = 0; i < links.size(); i++) {
                    if (i > 0) {
                        html.raw(" <span class=\"arrow\">→</span> ");
                    }
                    link(links.get(i), WholeCatalog.isWhole(catalog));
                }
                html.close("td").element("td", "path", path(chain)).close("tr");
            }
            html.close("tbody").close("table");
        }
        entries(catalog, "Layered entries (LSPs)", catalog.entriesOfType(EntryType.LAYERED));
        entries(catalog, "Base providers", catalog.entriesOfType(EntryType.BASE));
        entries(catalog, "Other entries (invalid or unknown chain length)", catalog.entries().stream()
                .filter(e -> e.info().entryType() == null || e.info().entryType() == EntryType.INVALID).toList());
    }

    /** One link of a chain; a link a whole catalog lacks is missing, one an excerpt lacks is only not shown. */
    private void link(ChainLink link, boolean wholeCatalog) {
        String id = " [" + Integer.toUnsignedString(link.catalogEntryId()) + "]";
        if (link.isMissing()) {
            html.element("span", wholeCatalog ? "missing" : "muted", (wholeCatalog ? "missing entry"
                    : "not in this excerpt") + id);
        } else {
            html.element("span", "link", EntryLabels.name(link.entry()) + id);
        }
    }

    private void entries(Catalog catalog, String title, List<CatalogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        html.element("h4", "", title + " (" + entries.size() + ")");
        html.open("table", "entries").head("#", "Id", "Name", "Socket", "DLL", "Provider GUID").open("tbody", "");
        for (CatalogEntry e : entries) {
            html.row(position(catalog, e), id(e), EntryLabels.name(e), WinsockNames.addressFamily(e.info().addressFamily())
                    + ", " + WinsockNames.socketType(e.info().socketType()) + ", "
                    + WinsockNames.protocol(e.info().addressFamily(), e.info().protocol()), path(e),
                    e.info().providerId() == null ? "unknown" : Guids.registryForm(e.info().providerId()));
        }
        html.close("tbody").close("table");
    }

    private void notes(CatalogSnapshot snapshot) {
        html.open("section", "notes").element("h2", "", "About the source");
        notesList("What this source cannot tell (" + snapshot.limitations().size() + ")", snapshot.limitations());
        notesList("Reader warnings (" + snapshot.warnings().size() + ")", snapshot.warnings());
        html.close("section");
    }

    private void notesList(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.open("details", "").element("summary", "", title).open("ul", "");
        lines.forEach(line -> html.element("li", "", line));
        html.close("ul").close("details");
    }

    private static String position(Catalog catalog, CatalogEntry entry) {
        return String.valueOf(catalog.entries().indexOf(entry) + 1);
    }

    private static String id(CatalogEntry entry) {
        return entry.id() == null ? "?" : Integer.toUnsignedString(entry.id());
    }

    private static String path(CatalogEntry entry) {
        return entry.providerPath() == null ? "unknown" : entry.providerPath();
    }

    private static String style() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(STYLE)) {
            if (in == null) {
                throw new IllegalStateException("the report style " + STYLE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
