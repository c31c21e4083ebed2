package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import java.util.ArrayList;
import java.util.List;

/** A rule that looks at each catalog on its own; rules that conclude from absence skip excerpts. */
abstract class PerCatalogRule extends BaseRule {

    private final boolean needsWholeCatalog;

    PerCatalogRule(String id, Severity severity, String summary, boolean needsWholeCatalog) {
        super(id, severity, summary);
        this.needsWholeCatalog = needsWholeCatalog;
    }

    @Override
    public final List<Finding> check(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Catalog catalog : context.snapshot().catalogs().values()) {
            if (WholeCatalog.isWhole(catalog) || !needsWholeCatalog) {
                check(catalog, context, findings);
            }
        }
        return findings;
    }

    /** Whether this rule is skipped for excerpts (see {@link WholeCatalog}). */
    final boolean needsWholeCatalog() {
        return needsWholeCatalog;
    }

    abstract void check(Catalog catalog, DiagnosisContext context, List<Finding> findings);
}
