package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.List;

/**
 * WPS005: a chain whose links have the wrong entry types: every link but the last must be a layered entry
 * (an LSP), the last must be a base provider.
 */
final class ChainShapeRule extends PerCatalogRule {

    ChainShapeRule() {
        super("WPS005", Severity.ERROR, "A protocol chain whose links are not LSP layered entries above one base "
                + "provider (e.g. first link not a layered entry, last link not a base provider)", false);
    }

    /** Positions of the links that name an entry of the wrong type (missing links are WPS001's and WPS002's). */
    static List<Integer> wrongLinks(List<ChainLink> links) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            ChainLink link = links.get(i);
            EntryType actual = link.isMissing() ? null : link.entry().info().entryType();
            if (actual != null && actual != expectedType(i, links.size())) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    private static EntryType expectedType(int position, int length) {
        return position == length - 1 ? EntryType.BASE : EntryType.LAYERED;
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            List<ChainLink> links = catalog.resolveChain(chain);
            List<String> problems = new ArrayList<>();
            List<EntryRef> refs = new ArrayList<>(List.of(EntryRef.of(catalog.bitness(), chain)));
            for (int i : wrongLinks(links)) {
                ChainLink link = links.get(i);
                EntryType expected = expectedType(i, links.size());
                EntryType actual = link.entry().info().entryType();
                problems.add("link " + (i + 1) + " (#" + Integer.toUnsignedString(link.catalogEntryId()) + " "
                        + EntryLabels.name(link.entry()) + ") is a " + actual.label().toLowerCase()
                        + ", expected a " + expected.label().toLowerCase());
                refs.add(EntryRef.of(catalog.bitness(), link.entry()));
            }
            if (!problems.isEmpty()) {
                findings.add(finding("Chain " + EntryLabels.name(chain) + " is malformed: " + String.join("; ", problems),
                        refs,
                        "A protocol chain lists LSP layered entries from the top down and ends in the base "
                                + "provider that does the real work. Each LSP loads the next link as a provider; "
                                + "a link of the wrong kind means the chain cannot be set up (socket creation "
                                + "fails with WSAEPROVIDERFAILEDINIT) or loops. This usually follows catalog "
                                + "ids being reused after entries were removed and re-added by hand.",
                        "Reinstall the LSP that owns the chain so that it writes a correct chain, or run "
                                + "netsh winsock reset and reboot."));
            }
        }
    }
}
