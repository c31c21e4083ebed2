package dev.wpuscope.trace.analysis;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.Map;
import java.util.OptionalInt;

/** dwServiceFlags1 of catalog entries, when the catalog the trace was taken on is known. */
@FunctionalInterface
public interface ServiceFlagsLookup {

    /** No catalog: every provider's IFS kind is inferred from the upcalls it makes. */
    ServiceFlagsLookup NONE = id -> OptionalInt.empty();

    /** The entry's dwServiceFlags1, or empty when the entry (or its flags) is not known. */
    OptionalInt serviceFlags1(int catalogEntryId);

    static ServiceFlagsLookup of(Map<Integer, Integer> flagsById) {
        Map<Integer, Integer> copy = Map.copyOf(flagsById);
        return id -> copy.containsKey(id) ? OptionalInt.of(copy.get(id)) : OptionalInt.empty();
    }

    /** Looks entries up in a catalog read with the catalog readers (the one of the traced process's bitness). */
    static ServiceFlagsLookup of(Catalog catalog) {
        return id -> catalog.byId(id)
                .map(CatalogEntry::info)
                .filter(info -> info.serviceFlags1() != null)
                .map(info -> OptionalInt.of(info.serviceFlags1()))
                .orElse(OptionalInt.empty());
    }
}
