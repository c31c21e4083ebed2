package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.List;

/** WPS008: in a stacked chain, an IFS LSP directly above a non-IFS LSP. */
final class IfsOverNonIfsRule extends PerCatalogRule {

    IfsOverNonIfsRule() {
        super("WPS008", Severity.ERROR, "An IFS LSP layered directly above a non-IFS LSP in one chain", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            List<ChainLink> links = catalog.resolveChain(chain);
            for (int i = 0; i + 1 < links.size(); i++) {
                CatalogEntry upper = layered(links.get(i));
                CatalogEntry lower = layered(links.get(i + 1));
                if (upper != null && lower != null && Boolean.TRUE.equals(Ifs.handles(upper.info()))
                        && Boolean.FALSE.equals(Ifs.handles(lower.info()))) {
                    findings.add(finding("In chain " + EntryLabels.name(chain) + ", IFS LSP " + EntryLabels.name(upper)
                                    + " sits above non-IFS LSP " + EntryLabels.name(lower),
                            List.of(EntryRef.of(catalog.bitness(), chain), EntryRef.of(catalog.bitness(), upper),
                                    EntryRef.of(catalog.bitness(), lower)),
                            "An IFS LSP passes the handles of the provider below it up unchanged and promises "
                                    + "applications real file handles. Below it, the non-IFS LSP makes "
                                    + "handles with WPUCreateSocketHandle that are not file handles, so the "
                                    + "upper LSP and the applications above it use them as if they were: "
                                    + "ReadFile/WriteFile, TransmitFile and completion-port calls on these "
                                    + "sockets fail or hang.",
                            "Install the non-IFS LSP above the IFS one (reinstall them in the other order), or "
                                    + "remove one of them."));
                }
            }
        }
    }

    private static CatalogEntry layered(ChainLink link) {
        return !link.isMissing() && link.entry().info().entryType() == EntryType.LAYERED ? link.entry() : null;
    }
}
