package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs every diagnostic rule over a snapshot. */
public final class CatalogDiagnostics {

    private final List<Rule> rules;

    private CatalogDiagnostics(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** All rules, in id order. */
    public static CatalogDiagnostics standard() {
        List<PerCatalogRule> perCatalog = List.of(
                new MissingChainLinkRule(), new OrphanedChainRule(), new UnusedLayeredEntryRule(),
                new ChainLengthRule(), new ChainShapeRule(), new NonIfsLspRule(), new IfsOverNonIfsRule(),
                new PartialCoverageRule(), new IpVersionCoverageRule(), new DuplicateIdRule(),
                new DuplicateProtocolRule(), new NumberingRule(), new ChainBehindBaseRule(),
                new FlagsVsSocketTypeRule());
        String skipped = perCatalog.stream().filter(PerCatalogRule::needsWholeCatalog)
                .map(Rule::id).collect(Collectors.joining(", ")) + ", WPS011, WPS014 and WPS015";
        List<Rule> all = new ArrayList<>(perCatalog);
        all.add(new ExcerptRule(skipped));
        all.add(new ProviderFileRule());
        all.add(new SingleBitnessLspRule());
        all.add(new NamespaceDisabledRule());
        all.add(new NamespaceFileRule());
        all.add(new LspCategoryRule());
        all.add(new Wow64PathRule());
        all.add(new KnownProductRule(KnownLsps.standard()));
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return new CatalogDiagnostics(all);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Diagnosis diagnose(CatalogSnapshot snapshot, ProviderFileCheck files) {
        DiagnosisContext context = new DiagnosisContext(snapshot, files);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(context));
        }
        return new Diagnosis(findings);
    }
}
