package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.List;

/** WPS010: an LSP over IPv4 but not IPv6 (or the reverse) while the catalog has providers for both. */
final class IpVersionCoverageRule extends PerCatalogRule {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 23;
    private static final int[][] FAMILY_AND_OTHER = {{AF_INET, AF_INET6}, {AF_INET6, AF_INET}};

    IpVersionCoverageRule() {
        super("WPS010", Severity.INFO, "An LSP layered over IPv4 but not IPv6 (or the reverse): the other "
                + "IP version bypasses it", true);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
            List<CatalogEntry> bases = lsp.baseProviders(catalog);
            for (int[] pair : FAMILY_AND_OTHER) {
                int family = pair[0];
                int other = pair[1];
                List<CatalogEntry> otherBases = catalog.entriesOfType(EntryType.BASE).stream()
                        .filter(e -> Integer.valueOf(other).equals(e.info().addressFamily())).toList();
                if (covers(bases, family) && !covers(bases, other) && !otherBases.isEmpty()) {
                    findings.add(finding(lsp.name() + " layers over " + EntryLabels.family(family) + " only, not "
                                    + EntryLabels.family(other),
                            lsp.refs(lsp.chains()),
                            "Connections over " + EntryLabels.family(other) + " (" + EntryLabels.protocols(otherBases)
                                    + ") go to the base providers directly and bypass this LSP. Dual-stack "
                                    + "applications prefer IPv6 when the network offers it, so what the LSP sees "
                                    + "depends on the network.",
                            "Nothing to do if the LSP is meant for " + EntryLabels.family(family) + " only; "
                                    + "otherwise update it to a version that layers over both IP versions."));
                }
            }
        }
    }

    private static boolean covers(List<CatalogEntry> bases, int family) {
        return bases.stream().anyMatch(e -> Integer.valueOf(family).equals(e.info().addressFamily()));
    }
}
