package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One LSP of a catalog (its layered entry and the chains that start with it) and the known product it was
 * recognised as, if any.
 *
 * @param bitness the catalog
 * @param name    the LSP's name in the catalog, e.g. {@code LavasoftLSP}
 * @param entries its layered entry (when present) and its chains
 * @param match   the strongest match among its entries; empty when no entry matches a known product
 */
public record RecognisedLsp(Bitness bitness, String name, List<EntryRef> entries, Optional<EntryMatch> match) {

    public RecognisedLsp {
        entries = List.copyOf(entries);
    }

    /** Every LSP of the snapshot's catalogs (64-bit first), each with what the knowledge base says about it. */
    public static List<RecognisedLsp> of(CatalogSnapshot snapshot, KnownLsps known) {
        List<RecognisedLsp> all = new ArrayList<>();
        for (Bitness bitness : Bitness.values()) {
            snapshot.catalog(bitness).ifPresent(catalog -> {
                for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
                    List<CatalogEntry> entries = new ArrayList<>();
                    if (lsp.layered() != null) {
                        entries.add(lsp.layered());
                    }
                    entries.addAll(lsp.chains());
                    Optional<EntryMatch> best = entries.stream().map(known::match).flatMap(Optional::stream)
                            .min(Comparator.comparing(EntryMatch::basis));
                    all.add(new RecognisedLsp(bitness, lsp.name(), lsp.refs(lsp.chains()), best));
                }
            });
        }
        return all;
    }

    /**
     * One line: "LavasoftLSP: Lavasoft Web Companion (matched by GUID {…})", or for an unknown LSP
     * "ierd_tgp_lsp: not a product wpuscope knows".
     */
    public String describe() {
        return name + ": " + match.map(EntryMatch::describe).orElse("not a product wpuscope knows");
    }
}
