package dev.wpuscope.catalog.snapshot;

import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The top-level JSON object of a snapshot file: a format tag and version, then the snapshot's fields. */
record SnapshotDocument(
        String format,
        int version,
        SourceKind kind,
        String location,
        Map<Bitness, Catalog> catalogs,
        List<NamespaceProvider> namespaceProviders,
        List<AppIdRule> appIdRules,
        Map<UUID, Integer> lspCategories,
        List<String> limitations,
        List<String> warnings) {

    static final String FORMAT = "wpuscope-catalog-snapshot";
    static final int VERSION = 1;

    static SnapshotDocument of(CatalogSnapshot s) {
        return new SnapshotDocument(FORMAT, VERSION, s.kind(), s.location(), s.catalogs(), s.namespaceProviders(),
                s.appIdRules(), s.lspCategories(), s.limitations(), s.warnings());
    }

    CatalogSnapshot toSnapshot() {
        return new CatalogSnapshot(kind, location, catalogs, namespaceProviders, appIdRules, lspCategories,
                limitations, warnings);
    }
}
