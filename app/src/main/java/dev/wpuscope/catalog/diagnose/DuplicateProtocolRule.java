package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPS013: two or more entries of one catalog with the same provider GUID, family, socket type and protocol. */
final class DuplicateProtocolRule extends PerCatalogRule {

    DuplicateProtocolRule() {
        super("WPS013", Severity.WARNING, "Several entries of one catalog share GUID, address family, socket "
                + "type and protocol", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        Map<List<Object>, List<CatalogEntry>> byKey = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            ProtocolSlot slot = ProtocolSlot.of(entry.info());
            if (slot != null && entry.info().providerId() != null) {
                byKey.computeIfAbsent(List.of(entry.info().providerId(), slot), k -> new ArrayList<>()).add(entry);
            }
        }
        byKey.forEach((key, entries) -> {
            if (entries.size() > 1) {
                findings.add(finding(entries.size() + " " + catalog.bitness().label() + " entries are the same "
                                + EntryLabels.protocol(entries.get(0).info()) + " provider " + key.get(0),
                        entries.stream().map(e -> EntryRef.of(catalog.bitness(), e)).toList(),
                        "A provider GUID with one address family, socket type and protocol describes one "
                                + "protocol of one provider. Several such entries mean it was installed twice "
                                + "(a repeated install without uninstall); applications that select a protocol by "
                                + "GUID get the first one, and removing one copy may leave chains naming the other.",
                        "Uninstall the provider's duplicate entries (its uninstaller or WSCDeinstallProvider) "
                                + "or run netsh winsock reset and reinstall what you need."));
            }
        });
    }
}
