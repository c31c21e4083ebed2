package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.ApplyRun;
import dev.wpuscope.change.CatalogApplier;
import dev.wpuscope.change.CatalogBackup;
import dev.wpuscope.change.CatalogComparison;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.UnsafePlanException;
import dev.wpuscope.platform.Elevation;
import java.util.List;
import java.util.UUID;

/**
 * Carries out tracer plans with the {@link CatalogApplier}: installing is a plan of {@link CatalogChange}s (each
 * installs the layered entry, its chains, writes the provider order and verifies); removal deinstalls the tracer's
 * GUIDs without a plan; restore goes back to a backup that install saved.
 */
public final class TracerApplier {

    private final CatalogApplier applier;

    public TracerApplier(CatalogWriter writer, Elevation elevation, CatalogBackup backup) {
        this.applier = new CatalogApplier(writer, elevation, backup);
    }

    /** The live catalogs as a snapshot (what plans are made from and backups hold). */
    public CatalogSnapshot read() throws CatalogWriteException {
        return applier.read();
    }

    /** Attaches the tracer as planned, or leaves the catalog as it was. */
    public ApplyReport install(InstallPlan plan, ApplyProgress progress) {
        return applier.apply(plan.changes(), (change, now, run) -> apply(change, run),
                "Done: the tracer is installed over " + plan.chainCount() + " entries and verified", progress);
    }

    /** Removes the tracer from every catalog that holds it; needs neither the DLL nor the plan it came from. */
    public ApplyReport remove(ApplyProgress progress) {
        ApplyRun run = applier.start(progress);
        if (!applier.elevated(run)) {
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
        if (!applier.backUp(run, before)) {
            return run.end(ApplyReport.Outcome.REFUSED);
        }
        for (RemovalPlan plan : plans) {
            try {
                removeFrom(plan, run);
            } catch (CatalogWriteException | RuntimeException | LinkageError e) {
                run.step("FAILED: " + e.getMessage() + ". Chains are removed before the layered entry, so no chain"
                        + " is left without its layer; run the removal again, or restore from " + run.backup());
                return run.end(ApplyReport.Outcome.REMOVAL_FAILED);
            }
        }
        run.step("Done: the tracer is removed and the catalog verified");
        return run.end(ApplyReport.Outcome.APPLIED);
    }

    /**
     * Brings the catalogs back to a backup that install saved (one without the tracer): deinstalls the tracer's
     * GUIDs, installs again whatever else the backup has and the catalog lost, rewrites the backup's provider order
     * and verifies every entry against the backup.
     */
    public ApplyReport restore(CatalogSnapshot backup, ApplyProgress progress) {
        for (Catalog catalog : backup.catalogs().values()) {
            if (catalog.entries().stream().anyMatch(TracerIds::isTracer)) {
                ApplyRun run = applier.start(progress);
                run.step("Refused: the backup's " + catalog.bitness().label() + " catalog holds the tracer; restore"
                        + " only goes back to a catalog without it");
                return run.end(ApplyReport.Outcome.REFUSED);
            }
        }
        return applier.restore(backup, progress);
    }

    private void apply(CatalogChange change, ApplyRun run) throws CatalogWriteException {
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
        writer().writeProviderOrder(bitness, change.providerOrder(layeredId, chainIds));
        run.step(in + "Reading the catalog back to verify it");
        CatalogComparison.verify(change.expected(layeredId, chainIds), writer().enumerate(bitness).entries());
        run.step(in + "Verified: the catalog is exactly as planned");
    }

    private CatalogWriter writer() {
        return applier.writer();
    }

    private List<Integer> install(Bitness bitness, UUID guid, List<TracerEntry> entries)
            throws CatalogWriteException {
        List<ProtocolInfo> infos = entries.stream().map(TracerEntry::info).toList();
        List<Integer> ids = writer().installProvider(bitness, guid, entries.get(0).dllPath(), infos);
        if (ids.size() != infos.size()) {
            throw new CatalogWriteException("the catalog reports " + ids.size() + " installed entries for "
                    + infos.size() + " given");
        }
        return ids;
    }

    private void removeFrom(RemovalPlan plan, ApplyRun run) throws CatalogWriteException {
        String in = "[" + plan.bitness().label() + "] ";
        for (UUID guid : plan.guidsToDeinstall()) {
            run.step(in + "Deinstalling {" + guid + "}");
            writer().deinstallProvider(plan.bitness(), guid);
        }
        run.step(in + "Reading the catalog back to verify it");
        CatalogComparison.verify(plan.expected(), writer().enumerate(plan.bitness()).entries());
        run.step(in + "Verified: the tracer's entries are gone, every other entry is unchanged and in its order");
    }

}
