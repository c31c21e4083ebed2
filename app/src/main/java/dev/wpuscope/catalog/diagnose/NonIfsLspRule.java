package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ChainLink;
import java.util.ArrayList;
import java.util.List;

/**
 * WPS007: an LSP whose chains hand out non-IFS socket handles (no XP1_IFS_HANDLES) over base providers that
 * have IFS handles. Judged on the chain entries, which are what applications see; a chain over a base
 * provider that is itself non-IFS is not the LSP's doing and is not reported.
 */
final class NonIfsLspRule extends PerCatalogRule {

    NonIfsLspRule() {
        super("WPS007", Severity.WARNING, "A non-IFS LSP (no XP1_IFS_HANDLES): IOCP, "
                + "SetFileCompletionNotificationModes, CancelIo, TransmitFile, ReadFile/WriteFile on sockets break",
                false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (InstalledLsp lsp : InstalledLsp.of(catalog)) {
            List<CatalogEntry> nonIfs = new ArrayList<>();
            for (CatalogEntry chain : lsp.chains()) {
                if (Boolean.FALSE.equals(Ifs.handles(chain.info())) && !baseIsNonIfs(catalog, chain)) {
                    nonIfs.add(chain);
                }
            }
            if (!nonIfs.isEmpty()) {
                findings.add(finding(lsp.name() + " is a non-IFS LSP (no XP1_IFS_HANDLES) over "
                                + EntryLabels.protocols(nonIfs),
                        lsp.refs(nonIfs),
                        "Sockets created through these chains are not kernel file handles: the LSP makes them "
                                + "with WPUCreateSocketHandle and every call on them goes through the LSP. "
                                + "Applications that treat a socket as a file handle break or slow down: "
                                + "ReadFile/WriteFile on the socket fail, TransmitFile/TransmitPackets/AcceptEx "
                                + "work only as far as the LSP forwards them, "
                                + "CancelIo/CancelIoEx do not cancel pending socket I/O, "
                                + "SetFileCompletionNotificationModes(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) "
                                + "loses completions (runtimes such as .NET turn it off when they see a non-IFS "
                                + "LSP), completion ports see completions only as the LSP emulates them "
                                + "(WPUCompleteOverlappedRequest), and select() costs a context lookup per socket. "
                                + "Servers using IOCP (IIS, SQL Server, Node.js, Java NIO) are the usual victims.",
                        "Update the LSP to an IFS version or remove it (its uninstaller, or netsh winsock "
                                + "reset). Traffic filtering should use the Windows Filtering Platform; LSPs "
                                + "are deprecated since Windows 8."));
            }
        }
    }

    private static boolean baseIsNonIfs(Catalog catalog, CatalogEntry chain) {
        List<ChainLink> links = catalog.resolveChain(chain);
        ChainLink base = links.get(links.size() - 1);
        return !base.isMissing() && Boolean.FALSE.equals(Ifs.handles(base.entry().info()));
    }
}
