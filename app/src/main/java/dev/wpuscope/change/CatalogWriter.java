package dev.wpuscope.change;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.List;
import java.util.UUID;

/**
 * The catalog operations the applier needs, one catalog (bitness) at a time, with the semantics of the Winsock
 * SPI: WSCEnumProtocols(32), WSCInstallProvider(64_32), WSCWriteProviderOrder(32), WSCDeinstallProvider(32).
 */
public interface CatalogWriter {

    /** Which catalogs this writer can reach. */
    List<Bitness> catalogs();

    /** The catalog read back, entries in provider order, with their DLL paths. */
    Catalog enumerate(Bitness bitness) throws CatalogWriteException;

    /**
     * Installs entries under one GUID (their ProviderId becomes {@code providerId}); the catalog assigns their
     * ids and appends them to the provider order.
     *
     * @return the assigned catalog ids, in the order of {@code entries}
     */
    List<Integer> installProvider(Bitness bitness, UUID providerId, String dllPath, List<ProtocolInfo> entries)
            throws CatalogWriteException;

    /** Rewrites the provider order; {@code catalogIds} must be a permutation of every id in the catalog. */
    void writeProviderOrder(Bitness bitness, List<Integer> catalogIds) throws CatalogWriteException;

    /** Removes every entry installed under this GUID. */
    void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException;

    /**
     * An entry as the catalog holds it once installed: WSCInstallProvider sets ProviderId to the GUID it was given
     * and dwCatalogEntryId to the id it assigned, and keeps every other field as given.
     */
    static CatalogEntry installedEntry(ProtocolInfo info, String dllPath, UUID providerId, int id) {
        ProtocolInfo installed = new ProtocolInfo(info.serviceFlags1(), info.serviceFlags2(), info.serviceFlags3(),
                info.serviceFlags4(), info.providerFlags(), providerId, id, info.chainLength(), info.chainEntries(),
                info.version(), info.addressFamily(), info.maxSockAddr(), info.minSockAddr(), info.socketType(),
                info.protocol(), info.protocolMaxOffset(), info.networkByteOrder(), info.securityScheme(),
                info.messageSize(), info.providerReserved(), info.protocolName());
        return new CatalogEntry(installed, dllPath, null, null, "installed as " + Integer.toUnsignedString(id));
    }
}
