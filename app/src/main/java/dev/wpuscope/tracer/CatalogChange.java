package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.change.CatalogEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * What installing the tracer changes in one catalog. Windows assigns catalog ids when entries are installed, so
 * the chains, the provider order and the expected catalog are functions of the ids the catalog hands out: the
 * layered entry's id first, then the chains' ids (in the order of {@link #covered()}).
 *
 * @param before   the catalog the plan was made from
 * @param dllPath  the tracer DLL path stored in this catalog (of this catalog's bitness)
 * @param covered  the entries the tracer is put on top of, in provider order
 */
public record CatalogChange(Catalog before, String dllPath, List<CatalogEntry> covered) implements CatalogEdit {

    public CatalogChange {
        covered = List.copyOf(covered);
    }

    public Bitness bitness() {
        return before.bitness();
    }

    /** The hidden layered entry to install (its id is assigned by the catalog). */
    public TracerEntry layeredEntry() {
        return new TracerEntry(TracerEntries.layered(covered.get(0).info()), dllPath);
    }

    /** The chains to install once the layered entry has {@code layeredId}, one per covered entry. */
    public List<TracerEntry> chainEntries(int layeredId) {
        return covered.stream()
                .map(entry -> new TracerEntry(TracerEntries.chainOver(entry.info(), layeredId), dllPath))
                .toList();
    }

    /**
     * The provider order to write: the original order with each new chain directly before the entry it covers,
     * so that it is preferred, and the layered entry last, where the catalog appended it.
     */
    public List<Integer> providerOrder(int layeredId, List<Integer> chainIds) {
        requireOneIdPerChain(chainIds);
        List<Integer> order = new ArrayList<>();
        for (CatalogEntry entry : before.entries()) {
            int index = covered.indexOf(entry);
            if (index >= 0) {
                order.add(chainIds.get(index));
            }
            order.add(entry.id());
        }
        order.add(layeredId);
        return order;
    }

    /** The whole catalog as it must read back after the change, in provider order. */
    public List<CatalogEntry> expected(int layeredId, List<Integer> chainIds) {
        requireOneIdPerChain(chainIds);
        List<CatalogEntry> added = new ArrayList<>();
        added.add(layeredEntry().installed(TracerIds.LAYERED_PROVIDER, layeredId));
        List<TracerEntry> chains = chainEntries(layeredId);
        for (int i = 0; i < chains.size(); i++) {
            added.add(chains.get(i).installed(TracerIds.CHAIN_PROVIDER, chainIds.get(i)));
        }
        List<CatalogEntry> all = new ArrayList<>(before.entries());
        all.addAll(added);
        List<CatalogEntry> ordered = new ArrayList<>();
        for (int id : providerOrder(layeredId, chainIds)) {
            ordered.add(all.stream().filter(e -> e.id() == id).findFirst().orElseThrow());
        }
        return ordered;
    }

    private void requireOneIdPerChain(List<Integer> chainIds) {
        if (chainIds.size() != covered.size()) {
            throw new IllegalArgumentException(chainIds.size() + " chain ids for " + covered.size() + " chains");
        }
    }
}
