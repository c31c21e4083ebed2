package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.LspCategory;
import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * WPS019: which categorized applications (AppId_Catalog) do not load which LSP, from the LSP categories
 * (WSCGetProviderInfo, live only). When the source has no LSP categories it says so once.
 */
final class LspCategoryRule extends BaseRule {

    private static final String HOW = "Since Windows Vista an application listed in AppId_Catalog loads an LSP "
            + "only if the LSP has at least one of the application's permitted categories, none outside them, "
            + "and LSP_SYSTEM when the application permits LSP_SYSTEM; an uncategorized LSP is never loaded "
            + "into such an application. Applications not listed load every LSP.";

    LspCategoryRule() {
        super("WPS019", Severity.INFO, "Categorized applications (AppId_Catalog) that do not load an LSP because "
                + "of LSP categories; says once when the source has no LSP categories");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        CatalogSnapshot snapshot = context.snapshot();
        List<AppIdRule> apps = snapshot.appIdRules().stream().filter(a -> a.permittedLspCategories() != null).toList();
        List<InstalledLsp> lsps = new ArrayList<>();
        for (Catalog catalog : snapshot.catalogs().values()) {
            InstalledLsp.of(catalog).stream().filter(l -> l.layered() != null).forEach(lsps::add);
        }
        if (apps.isEmpty() || lsps.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<InstalledLsp> unknown = new ArrayList<>();
        for (InstalledLsp lsp : lsps) {
            UUID guid = lsp.layered().info().providerId();
            Integer categories = guid == null ? null : snapshot.lspCategories().get(guid);
            if (categories == null) {
                unknown.add(lsp);
                continue;
            }
            List<AppIdRule> excluded = apps.stream()
                    .filter(a -> !LspCategory.loads(a.permittedLspCategories(), categories)).toList();
            if (!excluded.isEmpty()) {
                findings.add(finding(lsp.name() + " (" + lsp.bitness().label() + ", categories "
                                + LspCategory.describe(categories) + ") is not loaded into " + excluded.size()
                                + " application(s): " + describe(excluded),
                        lsp.refs(List.of()), HOW + " These applications run without this LSP.",
                        "Nothing to do if that is intended; otherwise have the LSP's vendor set suitable "
                                + "categories (WSCSetProviderInfo), or change the applications' permitted "
                                + "categories (WSCSetApplicationCategory)."));
            }
        }
        if (!unknown.isEmpty()) {
            findings.add(finding("LSP categories are not in this source: cannot tell whether "
                            + unknown.stream().map(l -> l.name() + " (" + l.bitness().label() + ")").distinct()
                                    .collect(Collectors.joining(", "))
                            + " load into the " + apps.size() + " categorized application(s): " + describe(apps),
                    unknown.stream().flatMap(l -> l.refs(List.of()).stream()).toList(),
                    HOW + " LSP categories are read with WSCGetProviderInfo on the live machine; exports and "
                            + "netsh dumps do not carry them.",
                    "Run wpuscope diagnose --live on the machine itself to see which applications load which LSP."));
        }
        return findings;
    }

    private static String describe(List<AppIdRule> apps) {
        return apps.stream().map(a -> a.appFullPath() + " (permits " + LspCategory.describe(a.permittedLspCategories()) + ")")
                .collect(Collectors.joining(", "));
    }
}
