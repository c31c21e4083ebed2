package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * WPS009: an LSP layered over some protocols of an address family but not all of them (TCP but not UDP):
 * the traffic of the others bypasses it. Protocols are compared as (type, protocol) slots of the family's
 * base providers, so a second provider of the same slot (RSVP QoS TCP) does not count as missing.
 */
final class PartialCoverageRule extends PerCatalogRule {

    PartialCoverageRule() {
        super("WPS009", Severity.WARNING, "An LSP layered over some but not all protocols of an address family "
                + "(e.g. TCP but not UDP)", true);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
            List<CatalogEntry> covered = lsp.baseProviders(catalog);
            Set<ProtocolSlot> coveredSlots = covered.stream().map(e -> ProtocolSlot.of(e.info()))
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            Set<Integer> families = coveredSlots.stream().map(ProtocolSlot::addressFamily).collect(Collectors.toCollection(TreeSet::new));
            for (int family : families) {
                List<CatalogEntry> uncovered = uncovered(catalog, family, coveredSlots);
                if (!uncovered.isEmpty()) {
                    findings.add(finding(lsp.name() + " covers " + EntryLabels.protocols(coveredOf(covered, family))
                                    + " but not " + EntryLabels.protocols(uncovered),
                            concerned(lsp, uncovered),
                            "Applications that open " + EntryLabels.protocols(uncovered) + " sockets get the "
                                    + "base provider directly, so this LSP never sees that traffic. A filter, "
                                    + "proxy or monitor LSP then misses part of the " + EntryLabels.family(family)
                                    + " traffic (often DNS over UDP), or an installer failed half way.",
                            "Reinstall the LSP so that it layers over every protocol of the family it filters, "
                                    + "or confirm with its vendor that it is meant to cover only these."));
                }
            }
        }
    }

    private static List<CatalogEntry> uncovered(Catalog catalog, int family, Set<ProtocolSlot> covered) {
        List<CatalogEntry> result = new ArrayList<>();
        Set<ProtocolSlot> seen = new HashSet<>(covered);
        for (CatalogEntry base : catalog.entriesOfType(EntryType.BASE)) {
            ProtocolSlot slot = ProtocolSlot.of(base.info());
            if (slot != null && slot.addressFamily() == family && seen.add(slot)) {
                result.add(base);
            }
        }
        return result;
    }

    private static List<CatalogEntry> coveredOf(List<CatalogEntry> covered, int family) {
        return covered.stream().filter(e -> Integer.valueOf(family).equals(e.info().addressFamily())).toList();
    }

    private static List<EntryRef> concerned(InstalledLsp lsp, List<CatalogEntry> uncovered) {
        List<EntryRef> refs = new ArrayList<>(lsp.refs(lsp.chains()));
        uncovered.forEach(e -> refs.add(EntryRef.of(lsp.bitness(), e)));
        return refs;
    }
}
