package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import java.util.ArrayList;
import java.util.List;

/** WPS002: chains whose first link, the LSP's own layered entry, is gone. */
final class OrphanedChainRule extends PerCatalogRule {

    OrphanedChainRule() {
        super("WPS002", Severity.ERROR, "Protocol chains whose LSP layered entry (first link) is gone", true);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
            if (!lsp.orphaned()) {
                continue;
            }
            List<EntryRef> refs = new ArrayList<>(lsp.refs(lsp.chains()));
            refs.add(EntryRef.missing(catalog.bitness(), lsp.layeredId()));
            findings.add(finding(lsp.chains().size() + " chain(s) of " + lsp.name() + " name its layered entry #"
                            + Integer.toUnsignedString(lsp.layeredId()) + ", which is gone: "
                            + EntryLabels.names(lsp.chains()),
                    refs,
                    "The LSP's hidden layered entry, which names its DLL, was removed but its protocol chains "
                            + "were left behind. Applications that pick one of these chains (for "
                            + EntryLabels.protocols(lsp.chains()) + ") cannot load it: socket creation fails with "
                            + "WSAEPROVIDERFAILEDINIT (10106), and if the chains come first in "
                            + "provider order this breaks networking for most applications.",
                    "Remove the leftover chain entries (WSCDeinstallProvider with their GUIDs, or the LSP "
                            + "vendor's removal tool), or run netsh winsock reset as administrator and reboot."));
        }
    }
}
