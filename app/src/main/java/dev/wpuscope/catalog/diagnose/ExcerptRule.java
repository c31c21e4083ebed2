package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import java.util.List;

/** WPS000: says once per catalog that the source holds only part of it, and which checks were skipped. */
final class ExcerptRule extends PerCatalogRule {

    private final String skippedRules;

    ExcerptRule(String skippedRules) {
        super("WPS000", Severity.INFO, "The source holds only an excerpt of a catalog (its provider order is "
                + "unknown); checks that conclude from an absent entry or from the order are skipped for it", false);
        this.skippedRules = skippedRules;
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        if (WholeCatalog.isWhole(catalog)) {
            return;
        }
        findings.add(finding("The " + catalog.bitness().label() + " catalog is only an excerpt in this source ("
                        + catalog.entries().size() + (catalog.entries().size() == 1 ? " entry" : " entries") + " read)",
                List.of(),
                "The reader could not tell that it has the whole catalog (for example a netsh dump that begins "
                        + "or ends in the middle of an entry, or registry keys whose provider order is unknown), so "
                        + "an entry it does not show may still be installed, and the order shown may not be the "
                        + "provider order. The checks that conclude "
                        + "from an absent entry were skipped for this catalog: " + skippedRules + ".",
                "Diagnose a complete export: reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinSock2 "
                        + "winsock2.reg, or the whole output of netsh winsock show catalog."));
    }
}
