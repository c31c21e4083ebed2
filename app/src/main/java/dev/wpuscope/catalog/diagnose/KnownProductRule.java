package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownBreakage;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.known.KnownProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * WPS021: an LSP recognised as a product that is known to break software: what it breaks, the published
 * workaround, each with its source. One finding per product, over both catalogs.
 */
final class KnownProductRule extends BaseRule {

    /** The rule's id. */
    static final String ID = "WPS021";

    private final KnownLsps known;

    KnownProductRule(KnownLsps known) {
        super(ID, Severity.WARNING, "An LSP recognised as a known product with known breakages: what it "
                + "breaks and the published workaround, with their sources");
        this.known = known;
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        Map<KnownProduct, List<RecognisedLsp>> byProduct = new LinkedHashMap<>();
        for (RecognisedLsp lsp : RecognisedLsp.of(context.snapshot(), known)) {
            lsp.match().filter(m -> !m.product().breakages().isEmpty())
                    .ifPresent(m -> byProduct.computeIfAbsent(m.product(), p -> new ArrayList<>()).add(lsp));
        }
        List<Finding> findings = new ArrayList<>();
        byProduct.forEach((product, lsps) -> findings.add(finding(product, lsps)));
        return findings;
    }

    private Finding finding(KnownProduct product, List<RecognisedLsp> lsps) {
        EntryMatch match = lsps.get(0).match().orElseThrow();
        String names = lsps.stream().map(RecognisedLsp::name).distinct().collect(Collectors.joining(", "));
        String affected = product.breakages().stream().map(KnownBreakage::affected).distinct()
                .collect(Collectors.joining("; "));
        List<EntryRef> entries = lsps.stream().flatMap(l -> l.entries().stream()).toList();
        String title = names + " is " + product.displayName() + " (" + match.basis().label() + " " + match.matched()
                + "), known to break " + affected;
        StringBuilder why = new StringBuilder(product.displayName() + ": " + product.description() + " (source: "
                + product.aboutSource() + "). Known breakages:");
        for (KnownBreakage b : product.breakages()) {
            why.append(" ").append(b.describe()).append(".");
        }
        List<String> fixes = product.workarounds();
        String remedy = fixes.isEmpty() ? product.noWorkaroundAdvice() : String.join(". ", fixes) + ".";
        return finding(title, entries, why.toString(), remedy);
    }
}
