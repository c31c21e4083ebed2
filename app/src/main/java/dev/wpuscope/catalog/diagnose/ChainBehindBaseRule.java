package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WPS015: an LSP's chain placed after the base provider it layers over, for the same family, type and
 * protocol. socket()/WSASocket without a WSAPROTOCOL_INFO take the first matching entry in provider order,
 * so such a chain is only used by applications that pick it explicitly.
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
            List<CatalogEntry> behind = new ArrayList<>();
            List<CatalogEntry> bases = new ArrayList<>();
            for (CatalogEntry chain : lsp.chains()) {
                CatalogEntry base = baseAhead(catalog, chain);
                if (base != null) {
                    behind.add(chain);
                    bases.add(base);
                }
            }
            if (!behind.isEmpty()) {
                List<EntryRef> refs = new ArrayList<>(lsp.refs(behind));
                bases.forEach(b -> refs.add(EntryRef.of(catalog.bitness(), b)));
                findings.add(finding(lsp.name() + " is bypassed by default: its chains for "
                                + EntryLabels.protocols(behind) + " come after the base providers they layer over",
                        refs,
                        "When an application calls socket() or WSASocket() without choosing a provider, ws2_32 "
                                + "takes the first entry in provider order that matches the family, type and "
                                + "protocol. Here that is the base provider (" + EntryLabels.names(bases)
                                + "), so the LSP only sees sockets of applications that select its chain "
                                + "explicitly. Either the order was rewritten after the LSP was installed "
                                + "(another installer, a repair tool) or the LSP is meant to be opt-in.",
                        "If the LSP should see all traffic, reinstall it or move its chains to the top with "
                                + "WSCWriteProviderOrder; if it is not needed, uninstall it."));
            }
        }
    }

    /**
     * The chain's own base provider when it matches the chain's protocol and comes earlier. PFL_HIDDEN does not
     * matter: it only hides an entry from WSAEnumProtocols (the MSAFD RAW providers carry it), not from socket().
     */
    private static CatalogEntry baseAhead(Catalog catalog, CatalogEntry chain) {
        List<ChainLink> links = catalog.resolveChain(chain);
        ChainLink last = links.get(links.size() - 1);
        if (last.isMissing()) {
            return null;
        }
        CatalogEntry base = last.entry();
        ProtocolSlot slot = ProtocolSlot.of(chain.info());
        boolean sameSlot = slot != null && Objects.equals(slot, ProtocolSlot.of(base.info()));
        return sameSlot && catalog.entries().indexOf(base) < catalog.entries().indexOf(chain) ? base : null;
    }
}
