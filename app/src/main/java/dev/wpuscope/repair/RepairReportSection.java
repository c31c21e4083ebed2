package dev.wpuscope.repair;

import dev.wpuscope.catalog.report.RepairPlanSummary;
import dev.wpuscope.change.EntryDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A repair plan as the HTML report shows it: what it does and which catalog it was made from, then one line per
 * change in the order the applier makes them (removals, then moves, per catalog), a removal that a rollback could
 * not put back saying so. A plan file is never a refused plan: the report's refusals stay empty.
 */
public final class RepairReportSection {

    private RepairReportSection() {
    }

    public static RepairPlanSummary of(RepairPlan plan) {
        String request = plan.request();
        String description = Character.toUpperCase(request.charAt(0)) + request.substring(1) + ". Made from " + plan.source() + " (catalog fingerprint "
                + plan.fingerprintBefore() + "); the catalog after it has fingerprint " + plan.fingerprintAfter()
                + ". Apply it with: wpuscope repair apply --live --plan <this plan's file>";
        List<String> changes = new ArrayList<>();
        for (CatalogRepair repair : plan.catalogs()) {
            String catalog = repair.bitness().label() + " catalog: ";
            repair.removed().forEach(e -> changes.add(catalog + "remove " + EntryDescription.of(e)
                    + " {" + e.info().providerId() + "}" + (repair.unrestorable().contains(e)
                    ? " (it names an entry that is gone: if the repair fails after this, the rollback cannot put it"
                    + " back)" : "")));
            repair.moved().forEach(e -> changes.add(catalog + "move " + EntryDescription.of(e)
                    + " before the entry socket() takes now"));
        }
        return new RepairPlanSummary(description, changes, List.of());
    }
}
