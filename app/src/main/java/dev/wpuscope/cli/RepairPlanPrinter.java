package dev.wpuscope.cli;

import dev.wpuscope.change.EntryDescription;
import dev.wpuscope.repair.CatalogRepair;
import dev.wpuscope.repair.RepairPlan;
import java.io.PrintWriter;

/** A repair plan as text: what goes per catalog, what cannot come back on failure, the fingerprints, the diff. */
final class RepairPlanPrinter {

    private final PrintWriter out;

    RepairPlanPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(RepairPlan plan) {
        out.println("Plan: " + plan.request());
        out.println("Catalog source: " + plan.source());
        out.println("Catalog before: " + plan.fingerprintBefore());
        out.println("Catalog after:  " + plan.fingerprintAfter());
        for (CatalogRepair repair : plan.catalogs()) {
            out.println();
            out.print(repair.bitness().label() + " catalog (" + repair.bitness().registryKey() + "): ");
            if (repair.changesNothing()) {
                out.println("unchanged");
                continue;
            }
            out.println(repair.removed().size() + " removed, " + repair.moved().size() + " moved");
            repair.removed().forEach(e -> out.println("  - " + EntryDescription.of(e) + "  {"
                    + e.info().providerId() + "}"));
            repair.moved().forEach(e -> out.println("  > " + EntryDescription.of(e)));
            repair.unrestorable().forEach(e -> out.println("  ! " + EntryDescription.of(e) + " names an entry that"
                    + " is gone: if the repair fails after it is removed, the rollback cannot put it back"));
        }
        out.println();
        new DiffPrinter(out).print(plan.diff());
    }
}
