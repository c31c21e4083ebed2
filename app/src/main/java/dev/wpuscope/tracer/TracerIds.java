package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.List;
import java.util.UUID;

/**
 * The provider GUIDs that identify the tracer's catalog entries. Removal finds the tracer by these GUIDs alone,
 * so it works when the DLL or the wpuscope installation that added the entries is gone.
 */
public final class TracerIds {

    /**
     * ProviderId of the tracer's hidden layered entry (ChainLen 0). It must equal
     * {@code WPUTRACE_PROVIDER_GUID_INIT} in {@code native-hook/dll/wputrace.h}: the DLL finds its own position in
     * a chain by it.
     */
    public static final UUID LAYERED_PROVIDER = UUID.fromString("7c3f9a52-4e1d-4b8a-9d61-2f0b5ea4c813");

    /**
     * ProviderId of every protocol chain the tracer adds. WSCInstallProvider refuses a GUID that is already
     * installed, so the chains need a GUID of their own; all chains of one catalog are installed in one call.
     */
    public static final UUID CHAIN_PROVIDER = UUID.fromString("7c3f9a53-4e1d-4b8a-9d61-2f0b5ea4c813");

    /** Both GUIDs, chains first: the order in which removal deinstalls them. */
    public static final List<UUID> REMOVAL_ORDER = List.of(CHAIN_PROVIDER, LAYERED_PROVIDER);

    /** szProtocol of the layered entry. */
    public static final String LAYERED_NAME = "wpuscope tracer";

    private TracerIds() {
    }

    public static boolean isTracer(CatalogEntry entry) {
        UUID id = entry.info().providerId();
        return LAYERED_PROVIDER.equals(id) || CHAIN_PROVIDER.equals(id);
    }
}
