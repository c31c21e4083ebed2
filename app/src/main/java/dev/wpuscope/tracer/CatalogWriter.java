package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
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
}
