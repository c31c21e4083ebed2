package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.List;
import java.util.UUID;

/**
 * Removing the tracer from one catalog: deinstall the chain GUID, then the layered GUID (so no chain is ever left
 * pointing at a missing layered entry). Deinstalling only deletes entries, so every other entry keeps its place:
 * the original provider order comes back by itself.
 *
 * @param before  the catalog as it is now
 * @param tracerEntries the tracer's entries found in it (by GUID)
 */
public record RemovalPlan(Catalog before, List<CatalogEntry> tracerEntries) {

    public RemovalPlan {
        tracerEntries = List.copyOf(tracerEntries);
    }

    public Bitness bitness() {
        return before.bitness();
    }

    /** The GUIDs to deinstall, in order. */
    public List<UUID> guidsToDeinstall() {
        return TracerIds.REMOVAL_ORDER.stream()
                .filter(guid -> tracerEntries.stream().anyMatch(e -> guid.equals(e.info().providerId())))
                .toList();
    }

    /** The catalog as it must read back afterwards. */
    public List<CatalogEntry> expected() {
        return before.entries().stream().filter(e -> !TracerIds.isTracer(e)).toList();
    }
}
