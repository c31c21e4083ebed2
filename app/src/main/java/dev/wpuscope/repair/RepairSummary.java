package dev.wpuscope.repair;

import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.UnsafePlanException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A repair as a report shows it: what was asked, and either why it is refused or what it removes and moves per
 * catalog and its effect as a diff.
 *
 * @param request   what was asked, described
 * @param refusals  why the repair is refused, each reason readable on its own; empty when it can be done
 * @param removed   per catalog, the entries removed (empty when refused)
 * @param moved     per catalog, the chains moved in provider order (empty when refused)
 * @param diff      the catalog before against the catalog after, or {@code null} when refused
 * @param plan      the plan, or {@code null} when refused
 */
public record RepairSummary(String request, List<String> refusals, Map<Bitness, List<CatalogEntry>> removed,
                            Map<Bitness, List<CatalogEntry>> moved, SnapshotDiff diff, RepairPlan plan) {

    public RepairSummary {
        refusals = List.copyOf(refusals);
        removed = inCatalogOrder(removed);
        moved = inCatalogOrder(moved);
    }

    /** Plans the request and summarizes the plan or its refusal; never throws. */
    public static RepairSummary of(CatalogSnapshot snapshot, RepairRequest request) {
        try {
            return of(RepairPlanner.plan(snapshot, request));
        } catch (UnsafePlanException refused) {
            return new RepairSummary(request.describe(), refused.reasons(), Map.of(), Map.of(), null, null);
        }
    }

    public static RepairSummary of(RepairPlan plan) {
        Map<Bitness, List<CatalogEntry>> removed = new EnumMap<>(Bitness.class);
        Map<Bitness, List<CatalogEntry>> moved = new EnumMap<>(Bitness.class);
        for (CatalogRepair repair : plan.catalogs()) {
            removed.put(repair.bitness(), repair.removed());
            moved.put(repair.bitness(), repair.moved());
        }
        return new RepairSummary(plan.request(), List.of(), removed, moved, plan.diff(), plan);
    }

    private static Map<Bitness, List<CatalogEntry>> inCatalogOrder(Map<Bitness, List<CatalogEntry>> map) {
        Map<Bitness, List<CatalogEntry>> ordered = new EnumMap<>(Bitness.class);
        map.forEach((bitness, entries) -> ordered.put(bitness, List.copyOf(entries)));
        return Collections.unmodifiableMap(ordered);
    }

    public boolean refused() {
        return plan == null;
    }
}
