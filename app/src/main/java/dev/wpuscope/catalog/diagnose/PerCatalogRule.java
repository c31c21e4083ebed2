package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import java.util.ArrayList;
import java.util.List;

/** A rule that looks at each catalog on its own; rules that conclude from absence skip incomplete catalogs. */
abstract class PerCatalogRule extends BaseRule {

    private final boolean needsCompleteCatalog;

    PerCatalogRule(String id, Severity severity, String summary, boolean needsCompleteCatalog) {
        super(id, severity, summary);
        this.needsCompleteCatalog = needsCompleteCatalog;
    }

    @Override
    public final List<Finding> check(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Catalog catalog : context.snapshot().catalogs().values()) {
            if (catalog.complete() || !needsCompleteCatalog) {
                check(catalog, context, findings);
            }
        }
        return findings;
    }

    /** Whether this rule is skipped for catalogs the source holds only in part. */
    final boolean needsCompleteCatalog() {
        return needsCompleteCatalog;
    }

    abstract void check(Catalog catalog, DiagnosisContext context, List<Finding> findings);
}
