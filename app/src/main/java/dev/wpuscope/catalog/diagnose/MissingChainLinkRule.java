package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.List;

/** WPS001: a chain whose lower links (an inner LSP or the base provider) name entries the catalog lacks. */
final class MissingChainLinkRule extends PerCatalogRule {

    MissingChainLinkRule() {
        super("WPS001", Severity.ERROR, "A protocol chain names a lower entry (inner LSP or base provider) "
                + "that is not in the catalog", true);
    }

    /** Positions (from 1: the first link is WPS002's) of the chain's links that name no entry. */
    static List<Integer> missingLowerLinks(List<ChainLink> links) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i < links.size(); i++) {
            if (links.get(i).isMissing()) {
                missing.add(i);
            }
        }
        return missing;
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            List<ChainLink> links = catalog.resolveChain(chain);
            List<EntryRef> refs = new ArrayList<>(List.of(EntryRef.of(catalog.bitness(), chain)));
            List<String> missing = new ArrayList<>();
            for (int i : missingLowerLinks(links)) {
                refs.add(EntryRef.missing(catalog.bitness(), links.get(i).catalogEntryId()));
                missing.add("#" + Integer.toUnsignedString(links.get(i).catalogEntryId())
                        + " (link " + (i + 1) + " of " + links.size() + ")");
            }
            if (!missing.isEmpty()) {
                findings.add(finding("Chain " + EntryLabels.name(chain) + " names missing " + String.join(", ", missing),
                        refs,
                        "When an application creates a socket through this chain, the LSP looks up the next "
                                + "link to load it; that entry is gone, so WSPStartup fails and socket creation "
                                + "with this chain's protocol returns WSAEPROVIDERFAILEDINIT (10106). The entry was "
                                + "removed without repairing the chains above it (an LSP or provider uninstalled "
                                + "by hand or by a broken installer).",
                        "Reinstall, then properly uninstall, the LSP that owns this chain; if no installer is "
                                + "left, remove the chain entry (WSCDeinstallProvider with its GUID) or run "
                                + "netsh winsock reset as administrator and reboot (this removes every LSP)."));
            }
        }
    }
}
