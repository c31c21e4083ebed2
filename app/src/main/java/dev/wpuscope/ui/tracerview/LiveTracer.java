package dev.wpuscope.ui.tracerview;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.RemovalPlan;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.tracer.TracerApplier;
import dev.wpuscope.tracer.TracerPlanner;
import dev.wpuscope.ui.ApplyOutcome;
import dev.wpuscope.change.UnsafePlanException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Install, removal and status of the tracer on this machine's live catalog, for the GUI (without JavaFX): the
 * same {@link TracerApplier} the CLI drives, with the backups in the same folder. Every method may block; the
 * GUI calls them off the FX thread.
 */
public final class LiveTracer {

    /** Where backups go, as for `wpuscope tracer install --live`. */
    public static final Path BACKUPS = Path.of(System.getProperty("user.home"), ".wpuscope", "backups");

    /** A removal to confirm: the readable plan, or the planner's refusal; {@code nothing} when not installed. */
    public record Removal(String text, List<String> refusal, boolean nothing) {
    }

    private final LiveCatalog live;
    private final Path backups;

    public LiveTracer(LiveCatalog live, Path backups) {
        this.live = live;
        this.backups = backups;
    }

    /** Empty when install and removal can run here; otherwise why not, for the menu and its dialogs. */
    public Optional<String> unavailableReason() {
        if (live.unavailableReason().isPresent()) {
            return Optional.of("Install… and Remove… need Windows and an elevated wpuscope (this is "
                    + System.getProperty("os.name", "not Windows") + "). Plan… works on any open catalog.");
        }
        if (!live.elevation().isElevated()) {
            return Optional.of("Installing and removing the tracer need an elevated wpuscope: run it as"
                    + " administrator. Plan… works without.");
        }
        return Optional.empty();
    }

    /** The live catalog now, to plan from. */
    public CatalogSnapshot read() throws CatalogWriteException {
        return applier().read();
    }

    /** Whether and where the tracer is installed in the live catalog. */
    public String status() throws CatalogWriteException {
        return PlanText.status(read());
    }

    /** Applies a confirmed plan (backup, apply, verify, roll back on failure). */
    public ApplyReport install(InstallPlan plan, ApplyProgress progress) throws CatalogWriteException {
        return applier().install(plan, progress);
    }

    /** What removing the tracer from the live catalog would do, to confirm first. */
    public Removal planRemoval() throws CatalogWriteException {
        try {
            List<RemovalPlan> plans = TracerPlanner.planRemoval(read());
            return new Removal(PlanText.removal(plans), List.of(), plans.isEmpty());
        } catch (UnsafePlanException refused) {
            return new Removal("", refused.reasons(), false);
        }
    }

    /** Removes the tracer (backup, deinstall by GUID, verify). */
    public ApplyReport remove(ApplyProgress progress) throws CatalogWriteException {
        return applier().remove(progress);
    }

    /** The outcome of an install or removal in one sentence, naming the backup when there is one. */
    public static String outcomeText(ApplyReport report) {
        return ApplyOutcome.describe(report, "wpuscope tracer restore --live <backup>");
    }

    private TracerApplier applier() throws CatalogWriteException {
        return new TracerApplier(live.writer(), live.elevation(), new SnapshotBackupDirectory(backups,
                Clock.systemUTC()));
    }
}
