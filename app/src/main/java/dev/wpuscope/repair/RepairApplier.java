package dev.wpuscope.repair;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogApplier;
import dev.wpuscope.change.CatalogBackup;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.Convergence;
import dev.wpuscope.platform.Elevation;

/**
 * Carries out repair plans with the {@link CatalogApplier}: each catalog must be the one the plan was made from (as
 * {@link CatalogFingerprint} compares), then it is brought to the plan's expected catalog by {@link Convergence}
 * (chains deinstalled before their layered entry), read back and verified; any failure rolls every catalog back.
 */
public final class RepairApplier {

    private final CatalogApplier applier;

    public RepairApplier(CatalogWriter writer, Elevation elevation, CatalogBackup backup) {
        this.applier = new CatalogApplier(writer, elevation, backup);
    }

    public ApplyReport apply(RepairPlan plan, ApplyProgress progress) {
        return applier.apply(plan.catalogs(), (repair, now, run) -> {
            if (repair.changesNothing()) {
                return;
            }
            Convergence.between(now, repair.expectedFrom(now)).carryOut(applier.writer(), run, "Repair");
            run.step("[" + repair.bitness().label() + "] Verified: the catalog is exactly as planned");
        }, "Done: " + plan.request() + "; the catalog is repaired and verified", progress);
    }

    /** Brings the catalogs back to a backup (removed entries are installed again, under new catalog ids). */
    public ApplyReport restore(CatalogSnapshot backup, ApplyProgress progress) {
        return applier.restore(backup, progress);
    }
}
