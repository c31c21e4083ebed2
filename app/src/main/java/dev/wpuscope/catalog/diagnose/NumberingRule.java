package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * WPS014: gaps in catalog ids that neither catalog explains, and a provider order that is not id order.
 * Both catalogs draw ids from one counter (Next_Catalog_Entry_ID), so an id missing from one catalog but used
 * by the other is no gap; gaps are therefore only judged when both catalogs are present and complete.
 */
final class NumberingRule extends PerCatalogRule {

    NumberingRule() {
        super("WPS014", Severity.INFO, "Gaps in catalog ids not explained by the other catalog, or provider "
                + "order different from id order", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        Bitness otherBitness = catalog.bitness() == Bitness.X64 ? Bitness.X86 : Bitness.X64;
        Optional<Catalog> other = context.snapshot().catalog(otherBitness);
        if (WholeCatalog.isWhole(catalog) && other.isPresent() && WholeCatalog.isWhole(other.get())) {
            gaps(catalog, other.get()).ifPresent(findings::add);
        }
        if (catalog.orderKnown()) {
            disorder(catalog).ifPresent(findings::add);
        }
    }

    private Optional<Finding> gaps(Catalog catalog, Catalog other) {
        TreeSet<Long> ids = ids(catalog);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> used = ids(other);
        used.addAll(ids);
        List<String> ranges = new ArrayList<>();
        long start = -1;
        for (long id = ids.first(); id <= ids.last() + 1; id++) {
            boolean free = id <= ids.last() && !used.contains(id);
            if (free && start < 0) {
                start = id;
            } else if (!free && start >= 0) {
                ranges.add(start == id - 1 ? Long.toString(start) : start + "-" + (id - 1));
                start = -1;
            }
        }
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("The " + catalog.bitness().label() + " catalog's ids skip " + String.join(", ", ranges),
                List.of(),
                "Ids are handed out from one counter for both catalogs and never reused, so an id that neither "
                        + "catalog holds belonged to an entry that was removed: an uninstalled provider or LSP. "
                        + "This is normal after uninstalls; it matters only together with chains naming such ids "
                        + "(WPS001/WPS002).",
                "Nothing to do unless other findings point at the removed entries."));
    }

    private Optional<Finding> disorder(Catalog catalog) {
        List<CatalogEntry> outOfOrder = new ArrayList<>();
        Integer previous = null;
        for (CatalogEntry entry : catalog.entries()) {
            if (entry.id() != null) {
                if (previous != null && Integer.compareUnsigned(entry.id(), previous) < 0) {
                    outOfOrder.add(entry);
                }
                previous = entry.id();
            }
        }
        if (outOfOrder.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("The " + catalog.bitness().label() + " catalog's provider order is not id order ("
                        + outOfOrder.size() + " entr" + (outOfOrder.size() == 1 ? "y comes" : "ies come")
                        + " after a higher id)",
                outOfOrder.stream().map(e -> EntryRef.of(catalog.bitness(), e)).toList(),
                "Provider order was rewritten after installation (WSCWriteProviderOrder; Windows itself does this "
                        + "when it adds providers such as AF_UNIX or Hyper-V, and LSP installers move their chains "
                        + "to the top). Harmless by itself: the order decides which entry socket() picks for a "
                        + "family, type and protocol (see WPS015).",
                "Nothing to do by itself."));
    }

    private static TreeSet<Long> ids(Catalog catalog) {
        return catalog.entries().stream().map(CatalogEntry::id).filter(Objects::nonNull)
                .map(Integer::toUnsignedLong).collect(Collectors.toCollection(TreeSet::new));
    }
}
