package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.DiagnosisSummary;
import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownBreakage;
import dev.wpuscope.catalog.known.KnownProduct;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Catalog view shows first: the summary line, one card per recognised product (what it breaks and
 * the fix), the LSPs no product is known for, and what the source cannot tell as one line that expands.
 *
 * @param headline     "1 known product with known breakages, 1 warning, 2 notes"
 * @param products     one card per known product, in catalog order
 * @param unknownLsps  "Not a product wpuscope knows: ierd_tgp_lsp64 (64-bit), …"; empty when every LSP is known
 * @param caveatsTitle "What this source cannot tell (10) and reader warnings (2)"; empty when there are none
 * @param caveats      those notes, one per line
 */
public record FirstLook(String headline, List<ProductCard> products, String unknownLsps, String caveatsTitle,
                        String caveats) {

    public FirstLook {
        products = List.copyOf(products);
    }

    /**
     * A recognised product.
     *
     * @param title  "LavasoftLSP (64-bit) is Lavasoft Web Companion"
     * @param basis  "matched by GUID {…}" and what the product is
     * @param breaks one line per known breakage, with its source
     * @param fixes  one line per published workaround, with its source; "no workaround published" when none
     * @param lsps   the product's entries (layered entries and chains, both catalogs), to repair
     */
    public record ProductCard(String title, String basis, List<String> breaks, List<String> fixes,
                              List<EntryRef> lsps) {

        public ProductCard {
            breaks = List.copyOf(breaks);
            fixes = List.copyOf(fixes);
            lsps = List.copyOf(lsps);
        }
    }

    public static FirstLook of(CatalogSnapshot snapshot, Diagnosis diagnosis, List<RecognisedLsp> lsps) {
        Map<KnownProduct, List<RecognisedLsp>> byProduct = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (RecognisedLsp lsp : lsps) {
            lsp.match().ifPresentOrElse(m -> byProduct.computeIfAbsent(m.product(), p -> new ArrayList<>()).add(lsp),
                    () -> unknown.add(lsp.name() + " (" + lsp.bitness().label() + ")"));
        }
        List<ProductCard> cards = new ArrayList<>();
        byProduct.forEach((product, recognised) -> cards.add(card(product, recognised)));
        return new FirstLook(DiagnosisSummary.headline(diagnosis), cards,
                unknown.isEmpty() ? "" : "Not a product wpuscope knows: " + String.join(", ", unknown),
                caveatsTitle(snapshot), String.join("\n", notes(snapshot)));
    }

    private static ProductCard card(KnownProduct product, List<RecognisedLsp> lsps) {
        String names = lsps.stream().map(l -> l.name() + " (" + l.bitness().label() + ")").distinct()
                .collect(Collectors.joining(", "));
        EntryMatch match = lsps.get(0).match().orElseThrow();
        List<String> breaks = product.breakages().stream().map(KnownBreakage::describe).toList();
        List<String> fixes = product.workarounds().isEmpty() ? List.of(product.noWorkaroundAdvice())
                : product.workarounds();
        return new ProductCard(names + " is " + product.displayName(), match.basis().label() + " " + match.matched()
                + " — " + product.description(), breaks, fixes,
                lsps.stream().flatMap(l -> l.entries().stream()).toList());
    }

    private static String caveatsTitle(CatalogSnapshot snapshot) {
        int limits = snapshot.limitations().size();
        int warnings = snapshot.warnings().size();
        if (limits == 0 && warnings == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (limits > 0) {
            parts.add("What this source cannot tell (" + limits + ")");
        }
        if (warnings > 0) {
            parts.add((limits > 0 ? "reader warnings (" : "Reader warnings (") + warnings + ")");
        }
        return String.join(" and ", parts);
    }

    private static List<String> notes(CatalogSnapshot snapshot) {
        List<String> lines = new ArrayList<>();
        snapshot.limitations().forEach(l -> lines.add("• " + l));
        snapshot.warnings().forEach(w -> lines.add("⚠ " + w));
        return lines;
    }
}
