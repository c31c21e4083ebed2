package dev.wpuscope.repair;

import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two readings of a catalog the same catalog: every entry's fields and DLL path in provider order, except
 * szProtocol. ws2_32 resolves an MUI reference there ({@code @%SystemRoot%\System32\mswsock.dll,-60100}) when it
 * reads the catalog, so the live catalog shows "MSAFD Tcpip [TCP/IP]" where its registry export holds the reference;
 * names change nothing that Winsock does. The fingerprint is SHA-256 over these fields of every catalog given.
 */
public final class CatalogFingerprint {

    private CatalogFingerprint() {
    }

    public static String of(Collection<Catalog> catalogs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Catalog catalog : catalogs) {
                sha.update(catalog.bitness().registryKey().getBytes(StandardCharsets.US_ASCII));
                for (CatalogEntry entry : nameless(catalog.entries())) {
                    sha.update(new PackedCatalogItem(entry.providerPath(), entry.info()).encode());
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** The entries as the fingerprint sees them: no szProtocol, no registry bytes beyond the fields. */
    static List<CatalogEntry> nameless(List<CatalogEntry> entries) {
        return entries.stream().map(e -> {
            ProtocolInfo i = e.info();
            ProtocolInfo info = new ProtocolInfo(i.serviceFlags1(), i.serviceFlags2(), i.serviceFlags3(),
                    i.serviceFlags4(), i.providerFlags(), i.providerId(), i.catalogEntryId(), i.chainLength(),
                    i.chainEntries(), i.version(), i.addressFamily(), i.maxSockAddr(), i.minSockAddr(),
                    i.socketType(), i.protocol(), i.protocolMaxOffset(), i.networkByteOrder(), i.securityScheme(),
                    i.messageSize(), i.providerReserved(), "");
            return new CatalogEntry(info, e.providerPath(), null, null, e.origin());
        }).toList();
    }
}
