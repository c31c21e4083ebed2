package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.platform.Elevation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries out tracer plans on a catalog: checks elevation, checks that the catalog is still the one the plan was
 * made from, saves a backup, applies each change, reads the catalog back and compares it with the plan's
 * expected catalog, and on any failure or difference restores the original catalog and verifies that too.
 */
public final class TracerApplier {

    /** Rollback tries this often per catalog: a passing failure of one call must not leave the catalog changed. */
    static final int ROLLBACK_ATTEMPTS = 3;

    private final CatalogWriter writer;
    private final Elevation elevation;
    private final CatalogBackup backup;

    public TracerApplier(CatalogWriter writer, Elevation elevation, CatalogBackup backup) {
        this.writer = writer;
        this.elevation = elevation;
        this.backup = backup;
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

    /** Attaches the tracer as planned, or leaves the catalog as it was. */
    public ApplyReport install(InstallPlan plan, ApplyProgress progress) {
        Run run = new Run(progress);
        if (!run.elevated()) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        CatalogSnapshot before;
        try {
            before = read();
        } catch (CatalogWriteException e) {
            run.step("Cannot read the catalog: " + e.getMessage());
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (CatalogChange change : plan.changes()) {
            Optional<Catalog> now = before.catalog(change.bitness());
            if (now.isEmpty()) {
                run.step("Refused: the " + change.bitness().label() + " catalog cannot be reached here");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
            List<String> changed = CatalogComparison.differences(change.before().entries(), now.get().entries());
            if (!changed.isEmpty()) {
                run.step("Refused: the " + change.bitness().label() + " catalog changed since the plan was made ("
                        + changed.get(0) + "); make a new plan");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
        }
        if (!run.saveBackup(before)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        try {
            for (CatalogChange change : plan.changes()) {
                apply(change, run);
            }
            run.step("Done: the tracer is installed over " + plan.chainCount() + " entries and verified");
            return run.end(ApplyReport.Outcome.APPLIED);
        } catch (CatalogWriteException | RuntimeException | LinkageError e) {
            run.step("FAILED: " + e.getMessage() + "; rolling back");
        }
        // every catalog, not only the ones the plan changes: installing into the 32-bit catalog from a 64-bit
        // process goes through the 64-bit catalog too
        boolean restored = true;
        for (Catalog catalog : before.catalogs().values()) {
            restored &= rollback(catalog, run);
        }
        if (restored) {
            run.step("Rolled back: the catalog is verified equal to the backup " + run.backup);
            return run.end(ApplyReport.Outcome.ROLLED_BACK);
        }
        run.step("ROLLBACK FAILED: restore the catalog from the backup " + run.backup
                + " (or run `netsh winsock reset` and reinstall your LSPs)");
        return run.end(ApplyReport.Outcome.ROLLBACK_FAILED);
    }

    /** Removes the tracer from every catalog that holds it; needs neither the DLL nor the plan it came from. */
    public ApplyReport remove(ApplyProgress progress) {
        Run run = new Run(progress);
        if (!run.elevated()) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        List<RemovalPlan> plans;
        CatalogSnapshot before;
        try {
            before = read();
            plans = TracerPlanner.planRemoval(before);
        } catch (CatalogWriteException | UnsafePlanException e) {
            run.step("Refused: " + e.getMessage());
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        if (plans.isEmpty()) {
            run.step("The tracer is not installed: nothing to remove");
            return run.end(ApplyReport.Outcome.NOTHING_TO_DO);
        }
        if (!run.saveBackup(before)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (RemovalPlan plan : plans) {
            try {
                removeFrom(plan, run);
            } catch (CatalogWriteException | RuntimeException | LinkageError e) {
                run.step("FAILED: " + e.getMessage() + ". Chains are removed before the layered entry, so no chain"
                        + " is left without its layer; run the removal again, or restore from " + run.backup);
                return run.end(ApplyReport.Outcome.REMOVAL_FAILED);
            }
        }
        run.step("Done: the tracer is removed and the catalog verified");
        return run.end(ApplyReport.Outcome.APPLIED);
    }

    /**
     * Brings the catalogs back to a backup that install saved (one without the tracer): deinstalls the tracer's
     * GUIDs, rewrites the backup's provider order and verifies every entry against the backup. Entries that are
     * gone cannot be recreated; the verification then says which differ.
     */
    public ApplyReport restore(CatalogSnapshot backup, ApplyProgress progress) {
        Run run = new Run(progress);
        if (!run.elevated()) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (Catalog catalog : backup.catalogs().values()) {
            if (catalog.entries().stream().anyMatch(TracerIds::isTracer)) {
                run.step("Refused: the backup's " + catalog.bitness().label() + " catalog holds the tracer; restore"
                        + " only goes back to a catalog without it");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
            if (!writer.catalogs().contains(catalog.bitness())) {
                run.step("Refused: the backup's " + catalog.bitness().label() + " catalog cannot be reached here");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
        }
        boolean restored = true;
        for (Catalog catalog : backup.catalogs().values()) {
            restored &= rollback(catalog, run);
        }
        if (restored) {
            run.step("Done: the catalog is verified equal to the backup");
            return run.end(ApplyReport.Outcome.APPLIED);
        }
        run.step("RESTORE FAILED: the catalog differs from the backup as reported above (or run `netsh winsock"
                + " reset` and reinstall your LSPs)");
        return run.end(ApplyReport.Outcome.ROLLBACK_FAILED);
    }

    private void apply(CatalogChange change, Run run) throws CatalogWriteException {
        Bitness bitness = change.bitness();
        String in = "[" + bitness.label() + "] ";
        TracerEntry layered = change.layeredEntry();
        run.step(in + "Installing the hidden layered entry {" + TracerIds.LAYERED_PROVIDER + "} with "
                + layered.dllPath());
        int layeredId = install(bitness, TracerIds.LAYERED_PROVIDER, List.of(layered)).get(0);
        run.step(in + "Layered entry installed as catalog id " + Integer.toUnsignedString(layeredId));
        List<TracerEntry> chains = change.chainEntries(layeredId);
        run.step(in + "Installing " + chains.size() + " protocol chains {" + TracerIds.CHAIN_PROVIDER + "}");
        List<Integer> chainIds = install(bitness, TracerIds.CHAIN_PROVIDER, chains);
        run.step(in + "Chains installed as catalog ids " + chainIds);
        run.step(in + "Writing the provider order (each chain before the entry it covers)");
        writer.writeProviderOrder(bitness, change.providerOrder(layeredId, chainIds));
        run.step(in + "Reading the catalog back to verify it");
        verify(change.expected(layeredId, chainIds), writer.enumerate(bitness));
        run.step(in + "Verified: the catalog is exactly as planned");
    }

    private List<Integer> install(Bitness bitness, UUID guid, List<TracerEntry> entries)
            throws CatalogWriteException {
        List<ProtocolInfo> infos = entries.stream().map(TracerEntry::info).toList();
        List<Integer> ids = writer.installProvider(bitness, guid, entries.get(0).dllPath(), infos);
        if (ids.size() != infos.size()) {
            throw new CatalogWriteException("the catalog reports " + ids.size() + " installed entries for "
                    + infos.size() + " given");
        }
        return ids;
    }

    private void removeFrom(RemovalPlan plan, Run run) throws CatalogWriteException {
        String in = "[" + plan.bitness().label() + "] ";
        for (UUID guid : plan.guidsToDeinstall()) {
            run.step(in + "Deinstalling {" + guid + "}");
            writer.deinstallProvider(plan.bitness(), guid);
        }
        run.step(in + "Reading the catalog back to verify it");
        verify(plan.expected(), writer.enumerate(plan.bitness()));
        run.step(in + "Verified: the tracer's entries are gone, every other entry is unchanged and in its order");
    }

    private static void verify(List<CatalogEntry> expected, Catalog actual) throws CatalogWriteException {
        List<String> differences = CatalogComparison.differences(expected, actual.entries());
        if (!differences.isEmpty()) {
            throw new CatalogWriteException("the catalog read back differs from the plan: "
                    + String.join("; ", differences));
        }
    }

    /** Restores one catalog to {@code before} (tracer entries deinstalled, order rewritten) and verifies it. */
    private boolean rollback(Catalog before, Run run) {
        String in = "[" + before.bitness().label() + "] ";
        for (int attempt = 1; attempt <= ROLLBACK_ATTEMPTS; attempt++) {
            try {
                restore(before, in, run);
                run.step(in + "Restored and verified");
                return true;
            } catch (CatalogWriteException | RuntimeException | LinkageError e) {
                run.step(in + "Rollback attempt " + attempt + " failed: " + e.getMessage());
            }
        }
        return false;
    }

    private void restore(Catalog before, String in, Run run) throws CatalogWriteException {
        Catalog now = writer.enumerate(before.bitness());
        for (UUID guid : TracerIds.REMOVAL_ORDER) {
            if (now.entries().stream().anyMatch(e -> guid.equals(e.info().providerId()))) {
                run.step(in + "Rollback: deinstalling {" + guid + "}");
                writer.deinstallProvider(before.bitness(), guid);
            }
        }
        List<Integer> originalOrder = before.entries().stream().map(CatalogEntry::id).toList();
        List<Integer> order = writer.enumerate(before.bitness()).entries().stream().map(CatalogEntry::id).toList();
        if (!order.equals(originalOrder)) {
            run.step(in + "Rollback: writing the original provider order");
            writer.writeProviderOrder(before.bitness(), originalOrder);
        }
        verify(before.entries(), writer.enumerate(before.bitness()));
    }

    /** The steps of one install or removal. */
    private final class Run {
        private final ApplyProgress progress;
        private final List<String> steps = new ArrayList<>();
        private Path backup;

        Run(ApplyProgress progress) {
            this.progress = progress;
        }

        void step(String message) {
            steps.add(message);
            progress.step(message);
        }

        boolean elevated() {
            if (elevation.isElevated()) {
                return true;
            }
            step("Refused: changing the Winsock catalog needs administrator rights (run wpuscope elevated)");
            return false;
        }

        boolean saveBackup(CatalogSnapshot snapshot) {
            try {
                backup = TracerApplier.this.backup.save(snapshot);
                step("Saved the current catalog to " + backup + " (keep it: it restores the catalog)");
                return true;
            } catch (IOException | RuntimeException e) {
                step("Refused: cannot save a backup of the catalog: " + e.getMessage());
                return false;
            }
        }

        ApplyReport end(ApplyReport.Outcome outcome) {
            return new ApplyReport(outcome, backup, steps);
        }
    }
}
