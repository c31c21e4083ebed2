package dev.wpuscope.catalog.report;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report shows.
 *
 * @param snapshot  the catalogs as read from the source
 * @param diagnosis its findings
 * @param lsps      its LSPs and the products they were recognised as
 * @param plan      a repair plan to include, when one is given
 * @param made      when the report was made
 */
public record CatalogReport(
        CatalogSnapshot snapshot,
        Diagnosis diagnosis,
        List<RecognisedLsp> lsps,
        Optional<RepairPlanSummary> plan,
        Instant made) {

    public CatalogReport {
        lsps = List.copyOf(lsps);
    }

    /** The report of a catalog made now, its LSPs recognised with the knowledge base that ships with wpuscope. */
    public static CatalogReport of(CatalogSnapshot snapshot, Diagnosis diagnosis, Optional<RepairPlanSummary> plan) {
        return new CatalogReport(snapshot, diagnosis, RecognisedLsp.of(snapshot, KnownLsps.standard()), plan,
                Instant.now());
    }
}
