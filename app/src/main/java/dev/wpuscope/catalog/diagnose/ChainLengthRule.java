package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.List;

/** WPS004: ChainLen outside 0..MAX_PROTOCOL_CHAIN (7). */
final class ChainLengthRule extends PerCatalogRule {

    ChainLengthRule() {
        super("WPS004", Severity.ERROR, "ProtocolChain.ChainLen outside 0.." + EntryType.MAX_PROTOCOL_CHAIN, false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry entry : catalog.entriesOfType(EntryType.INVALID)) {
            findings.add(finding("Entry " + EntryLabels.name(entry) + " has ChainLen " + entry.info().chainLength(),
                    List.of(EntryRef.of(catalog.bitness(), entry)),
                    "ChainLen must be 0 (layered entry), 1 (base provider) or 2.." + EntryType.MAX_PROTOCOL_CHAIN
                            + " (protocol chain). Any other value is a corrupted entry: ws2_32 rejects it and "
                            + "applications that enumerate protocols may fail or skip it.",
                    "Reinstall the provider that owns this entry, or run netsh winsock reset and reboot."));
        }
    }
}
