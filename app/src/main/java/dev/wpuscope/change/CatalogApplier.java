package dev.wpuscope.change;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.platform.Elevation;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way wpuscope changes a Winsock catalog, whatever the plan: checks elevation, checks that each catalog is
 * still the one the plan was made from, saves a backup, applies each planned change (which reads back and
 * verifies), and on any failure or difference brings every catalog back to the backup and verifies that too.
 */
public final class CatalogApplier {

    /** Rollback tries this often per catalog: a passing failure of one call must not leave the catalog changed. */
    public static final int ROLLBACK_ATTEMPTS = 3;

    /**
     * The 32-bit catalog is brought back first: on 64-bit Windows entries go into it through the 64-bit catalog,
     * which must not hold their GUID yet.
     */
    private static final Comparator<Catalog> RESTORE_ORDER = Comparator.comparing(c -> c.bitness() != Bitness.X86);

    private final CatalogWriter writer;
    private final Elevation elevation;
    private final CatalogBackup backup;

    public CatalogApplier(CatalogWriter writer, Elevation elevation, CatalogBackup backup) {
        this.writer = writer;
        this.elevation = elevation;
        this.backup = backup;
    }

    public CatalogWriter writer() {
        return writer;
    }

    /** The live catalogs as a snapshot (what plans are made from and backups hold). */
    public CatalogSnapshot read() throws CatalogWriteException {
        Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        for (Bitness bitness : writer.catalogs()) {
            catalogs.put(bitness, writer.enumerate(bitness));
        }
        return new CatalogSnapshot(SourceKind.LIVE, "live", catalogs, List.of(), List.of(), Map.of(), List.of(),
                List.of());
    }

    /** A run that reports to {@code progress}. */
    public ApplyRun start(ApplyProgress progress) {
        return new ApplyRun(progress);
    }

    /** Whether this process may change the catalog; says why not in the run otherwise. */
    public boolean elevated(ApplyRun run) {
        return run.elevated(elevation);
    }

    /** Saves the snapshot as the run's backup; says why not in the run otherwise. */
    public boolean backUp(ApplyRun run, CatalogSnapshot snapshot) {
        return run.saveBackup(backup, snapshot);
    }

    /**
     * Applies planned changes in order, or leaves the catalogs as they were.
     *
     * @param done the last step's message when every change is made and verified
     */
    public <E extends CatalogEdit> ApplyReport apply(List<E> edits, CatalogEdit.Step<E> step, String done,
                                                     ApplyProgress progress) {
        ApplyRun run = start(progress);
        if (!elevated(run)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        CatalogSnapshot before;
        try {
            before = read();
        } catch (CatalogWriteException e) {
            run.step("Cannot read the catalog: " + e.getMessage());
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (E edit : edits) {
            Bitness bitness = edit.before().bitness();
            Optional<Catalog> now = before.catalog(bitness);
            if (now.isEmpty()) {
                run.step("Refused: the " + bitness.label() + " catalog cannot be reached here");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
            List<String> changed = edit.differencesFrom(now.get());
            if (!changed.isEmpty()) {
                run.step("Refused: the " + bitness.label() + " catalog is not the one the plan was made from ("
                        + changed.get(0) + "); make a new plan");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
        }
        if (!backUp(run, before)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        try {
            for (E edit : edits) {
                step.apply(edit, before.catalog(edit.before().bitness()).orElseThrow(), run);
            }
            run.step(done);
            return run.end(ApplyReport.Outcome.APPLIED);
        } catch (CatalogWriteException | RuntimeException | LinkageError e) {
            run.step("FAILED: " + e.getMessage() + "; rolling back");
        }
        // every catalog, not only the ones the plan changes: installing into the 32-bit catalog from a 64-bit
        // process goes through the 64-bit catalog too
        if (bringBack(before, run)) {
            run.step("Rolled back: the catalog is verified equal to the backup " + run.backup());
            return run.end(ApplyReport.Outcome.ROLLED_BACK);
        }
        run.step("ROLLBACK FAILED: restore the catalog from the backup " + run.backup()
                + " (or run `netsh winsock reset` and reinstall your LSPs)");
        return run.end(ApplyReport.Outcome.ROLLBACK_FAILED);
    }

    /**
     * Brings the catalogs back to a backup: deinstalls what the backup lacks, installs again what it has and the
     * catalog lacks (Windows gives those entries new catalog ids), writes the backup's provider order and verifies
     * every entry.
     */
    public ApplyReport restore(CatalogSnapshot backup, ApplyProgress progress) {
        ApplyRun run = start(progress);
        if (!elevated(run)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (Catalog catalog : backup.catalogs().values()) {
            if (!writer.catalogs().contains(catalog.bitness())) {
                run.step("Refused: the backup's " + catalog.bitness().label() + " catalog cannot be reached here");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
        }
        if (bringBack(backup, run)) {
            run.step("Done: the catalog is verified equal to the backup");
            return run.end(ApplyReport.Outcome.APPLIED);
        }
        run.step("RESTORE FAILED: the catalog differs from the backup as reported above (or run `netsh winsock"
                + " reset` and reinstall your LSPs)");
        return run.end(ApplyReport.Outcome.ROLLBACK_FAILED);
    }

    private boolean bringBack(CatalogSnapshot snapshot, ApplyRun run) {
        boolean restored = true;
        for (Catalog catalog : snapshot.catalogs().values().stream().sorted(RESTORE_ORDER).toList()) {
            restored &= bringBack(catalog, run);
        }
        return restored;
    }

    private boolean bringBack(Catalog before, ApplyRun run) {
        String in = "[" + before.bitness().label() + "] ";
        for (int attempt = 1; attempt <= ROLLBACK_ATTEMPTS; attempt++) {
            try {
                Convergence convergence = Convergence.between(writer.enumerate(before.bitness()), before);
                convergence.carryOut(writer, run, "Rollback");
                run.step(in + (convergence.abandoned().isEmpty() ? "Restored and verified"
                        : "Restored and verified, but for the broken chains named above"));
                return true;
            } catch (CatalogWriteException | RuntimeException | LinkageError e) {
                run.step(in + "Rollback attempt " + attempt + " failed: " + e.getMessage());
            }
        }
        return false;
    }
}
