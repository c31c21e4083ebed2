package dev.wpuscope.tracer;

import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.UUID;

/**
 * One entry the tracer installs, before the catalog assigned its id: the WSAPROTOCOL_INFOW passed to
 * WSCInstallProvider (dwCatalogEntryId 0) and the DLL path.
 */
public record TracerEntry(ProtocolInfo info, String dllPath) {

    /** The entry as the catalog holds it once installed under {@code providerId} with {@code id}. */
    public CatalogEntry installed(UUID providerId, int id) {
        return CatalogWriter.installedEntry(info, dllPath, providerId, id);
    }
}
