package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import java.util.List;

/** WPS000: says once per catalog that the source holds only part of it, and which checks were skipped. */
final class IncompleteCatalogRule extends PerCatalogRule {

    private final String skippedRules;

    IncompleteCatalogRule(String skippedRules) {
        super("WPS000", Severity.INFO, "The source holds only part of a catalog; checks that conclude from a "
                + "missing entry are skipped for it", false);
        this.skippedRules = skippedRules;
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        if (catalog.complete()) {
            return;
        }
        findings.add(finding("The " + catalog.bitness().label() + " catalog is incomplete in this source ("
                        + catalog.entries().size() + " entries read)",
                List.of(),
                "The source is an excerpt (for example a netsh dump that begins or ends in the middle of an "
                        + "entry), so an entry it does not show may still be installed. The checks that conclude "
                        + "from an absent entry were skipped for this catalog: " + skippedRules + ".",
                "Diagnose a complete export: reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinSock2 "
                        + "winsock2.reg, or the whole output of netsh winsock show catalog."));
    }
}
