package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** WPS003: a layered entry (ChainLen 0) that no chain names at any position. */
final class UnusedLayeredEntryRule extends PerCatalogRule {

    UnusedLayeredEntryRule() {
        super("WPS003", Severity.WARNING, "A layered (LSP) entry that no protocol chain uses", true);
    }

    /** The layered entries no chain names at any position. */
    static List<CatalogEntry> unused(Catalog catalog) {
        Set<Integer> named = new HashSet<>();
        catalog.entriesOfType(EntryType.CHAIN).forEach(c -> named.addAll(c.info().chain()));
        return catalog.entriesOfType(EntryType.LAYERED).stream()
                .filter(layered -> layered.id() != null && !named.contains(layered.id())).toList();
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry layered : unused(catalog)) {
            findings.add(finding("Layered entry " + EntryLabels.name(layered) + " is not used by any chain",
                    List.of(EntryRef.of(catalog.bitness(), layered)),
                    "An LSP is reached only through protocol chains that name its layered entry. This one has "
                            + "none, so it is never loaded: it is the leftover of an incomplete install or "
                            + "uninstall. It does no harm by itself, but it shows that the LSP's installer did "
                            + "not finish, and other parts of the catalog may be inconsistent too.",
                    "Remove it with the LSP's uninstaller or WSCDeinstallProvider (its GUID "
                            + layered.info().providerId() + "), or run netsh winsock reset."));
        }
    }
}
