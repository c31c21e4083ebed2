package dev.wpuscope.ui.repairview;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.repair.RepairApplier;
import dev.wpuscope.repair.RepairPlan;
import dev.wpuscope.ui.ApplyOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Applies a repair plan to this machine's live catalog for the GUI (without JavaFX): the same {@link RepairApplier}
 * `wpuscope repair apply --live` drives (the catalog must be the one the plan was made from, backup, apply, verify,
 * roll back on failure), with the backups in the same folder. {@link #apply} blocks; the GUI calls it off the FX
 * thread.
 */
public final class LiveRepair {

    private final LiveCatalog live;
    private final Path backups;

    public LiveRepair(LiveCatalog live, Path backups) {
        this.live = live;
        this.backups = backups;
    }

    /** Empty when a plan made from {@code source} can be applied here and now; otherwise why not. */
    public Optional<String> unavailableReason(CatalogSnapshot source) {
        if (source.kind() != SourceKind.LIVE) {
            return Optional.of("Apply changes only this machine's live catalog; this plan is made from "
                    + source.location() + ". Save the plan and run `wpuscope repair apply --live --plan <plan.json>`"
                    + " as administrator on the machine it was made for.");
        }
        if (live.unavailableReason().isPresent()) {
            return live.unavailableReason();
        }
        if (!live.elevation().isElevated()) {
            return Optional.of("Repairing the live catalog needs an elevated wpuscope: run it as administrator.");
        }
        return Optional.empty();
    }

    public ApplyReport apply(RepairPlan plan, ApplyProgress progress) throws CatalogWriteException {
        return new RepairApplier(live.writer(), live.elevation(), new SnapshotBackupDirectory(backups,
                Clock.systemUTC())).apply(plan, progress);
    }

    /** The outcome of a repair in one sentence, naming the backup and how to restore it. */
    public static String outcomeText(ApplyReport report) {
        return ApplyOutcome.describe(report, "wpuscope repair restore --live --backup <backup>");
    }
}
