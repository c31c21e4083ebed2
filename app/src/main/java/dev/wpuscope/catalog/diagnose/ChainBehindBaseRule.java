package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WPS015: an LSP that plain socket() calls do not reach. socket()/WSASocket without a WSAPROTOCOL_INFO take
 * the first entry in provider order with the requested family, type and protocol; when that entry is not
 * one of the LSP's chains, nor a chain of another LSP stacked over it, applications reach the LSP only by
 * selecting its chain explicitly. PFL_HIDDEN does not matter here: it only hides an entry from
 * WSAEnumProtocols (the MSAFD RAW providers carry it), not from socket().
 */
final class ChainBehindBaseRule extends PerCatalogRule {

    ChainBehindBaseRule() {
        super("WPS015", Severity.WARNING, "An LSP's chain comes after its own base provider in provider order, "
                + "so socket() picks the base provider and bypasses the LSP", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        if (!catalog.orderKnown()) {
            return;
        }
        for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
            List<CatalogEntry> bypassed = bypassed(catalog, lsp);
            List<CatalogEntry> picked = bypassed.stream().map(chain -> firstWithSameProtocol(catalog, chain)).toList();
            if (!bypassed.isEmpty()) {
                List<EntryRef> refs = new ArrayList<>(lsp.refs(bypassed));
                picked.forEach(b -> refs.add(EntryRef.of(catalog.bitness(), b)));
                findings.add(finding(lsp.name() + " is bypassed by default: its chains for "
                                + EntryLabels.protocols(bypassed) + " come after the base providers they layer over",
                        refs,
                        "When an application calls socket() or WSASocket() without choosing a provider, ws2_32 "
                                + "takes the first entry in provider order that matches the family, type and "
                                + "protocol. Here that is " + EntryLabels.names(picked) + ", which does not go "
                                + "through this LSP, so the LSP only sees sockets of applications that select its "
                                + "chain explicitly. Either the order was rewritten after the LSP was installed "
                                + "(another installer, a repair tool) or the LSP is meant to be opt-in.",
                        "If the LSP should see all traffic, reinstall it or move its chains to the top with "
                                + "WSCWriteProviderOrder; if it is not needed, uninstall it."));
            }
        }
    }

    /** The LSP's chains that socket() does not pick, because an entry not going through the LSP comes first. */
    static List<CatalogEntry> bypassed(Catalog catalog, InstalledLsp lsp) {
        List<CatalogEntry> bypassed = new ArrayList<>();
        for (CatalogEntry chain : lsp.chains()) {
            CatalogEntry first = firstWithSameProtocol(catalog, chain);
            if (first != null && !first.info().chain().contains(lsp.layeredId())) {
                bypassed.add(chain);
            }
        }
        return bypassed;
    }

    /** The first entry in provider order that socket() would take for the chain's protocol. */
    static CatalogEntry firstWithSameProtocol(Catalog catalog, CatalogEntry chain) {
        ProtocolSlot slot = ProtocolSlot.of(chain.info());
        if (slot == null) {
            return null;
        }
        return catalog.entries().stream()
                .filter(e -> e.info().entryType() == EntryType.BASE || e.info().entryType() == EntryType.CHAIN)
                .filter(e -> Objects.equals(slot, ProtocolSlot.of(e.info())))
                .findFirst().orElse(null);
    }
}
