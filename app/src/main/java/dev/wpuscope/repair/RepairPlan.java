package dev.wpuscope.repair;

import dev.wpuscope.catalog.diff.CatalogDiffer;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A repair of every catalog of a source, in the order it is applied (64-bit first: on 64-bit Windows entries go back
 * into the 32-bit catalog through the 64-bit one, so rollback restores the 32-bit catalog first and the 64-bit one
 * must then no longer hold their GUIDs). Catalogs the repair does not change are kept too: the catalog it is
 * applied to must be the one it was planned from, all of it.
 *
 * @param source  where the catalog came from (a file or "live")
 * @param request what the user asked, described
 */
public record RepairPlan(String source, String request, List<CatalogRepair> catalogs) {

    public RepairPlan {
        catalogs = catalogs.stream().sorted(Comparator.comparing(CatalogRepair::bitness)).toList();
    }

    /** {@link CatalogFingerprint} of the catalogs the plan was made from. */
    public String fingerprintBefore() {
        return CatalogFingerprint.of(catalogs.stream().map(CatalogRepair::before).toList());
    }

    /** {@link CatalogFingerprint} of the catalogs after the repair. */
    public String fingerprintAfter() {
        return CatalogFingerprint.of(catalogs.stream().map(CatalogRepair::expected).toList());
    }

    public CatalogSnapshot beforeSnapshot() {
        return snapshot(source, CatalogRepair::before);
    }

    public CatalogSnapshot expectedSnapshot() {
        return snapshot(source + ", repaired", CatalogRepair::expected);
    }

    /** The effect of the repair, as `wpuscope diff` shows the difference of two catalogs. */
    public SnapshotDiff diff() {
        return new CatalogDiffer().diff(beforeSnapshot(), expectedSnapshot());
    }

    private CatalogSnapshot snapshot(String location, Function<CatalogRepair, Catalog> which) {
        Map<Bitness, Catalog> map = new EnumMap<>(Bitness.class);
        catalogs.forEach(c -> map.put(c.bitness(), which.apply(c)));
        return new CatalogSnapshot(SourceKind.SNAPSHOT, location, map, List.of(), List.of(), Map.of(), List.of(),
                List.of());
    }
}
