package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPS012: two or more entries of one catalog with the same catalog id. */
final class DuplicateIdRule extends PerCatalogRule {

    DuplicateIdRule() {
        super("WPS012", Severity.ERROR, "Several entries of one catalog share a catalog id", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        Map<Integer, List<CatalogEntry>> byId = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            if (entry.id() != null) {
                byId.computeIfAbsent(entry.id(), id -> new ArrayList<>()).add(entry);
            }
        }
        byId.forEach((id, entries) -> {
            if (entries.size() > 1) {
                findings.add(finding(entries.size() + " entries of the " + catalog.bitness().label()
                                + " catalog have id " + Integer.toUnsignedString(id),
                        entries.stream().map(e -> EntryRef.of(catalog.bitness(), e)).toList(),
                        "Catalog ids identify entries: protocol chains name their links by id, and "
                                + "WSCDeinstallProvider/WSCWriteProviderOrder address entries by it. With "
                                + "duplicates, chains resolve to whichever entry comes first and the other "
                                + "is unreachable; the catalog was edited by hand or restored partially.",
                        "Run netsh winsock reset as administrator and reboot, then reinstall the LSPs you need."));
            }
        });
    }
}
