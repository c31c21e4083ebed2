package dev.wpuscope.change;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every plan needs of a catalog: its real provider order and one known, unique id per entry. */
public final class PlannableCatalog {

    private PlannableCatalog() {
    }

    /** Adds a reason, prefixed with {@code where}, for each way the catalog cannot be planned from. */
    public static void check(Catalog catalog, CatalogSnapshot snapshot, String where, List<String> reasons) {
        if (!catalog.orderKnown()) {
            reasons.add(where + "its provider order is unknown (this " + snapshot.kind().label() + " is not a whole"
                    + " catalog in provider order); plan from a complete export of the WinSock2 key, a wpuscope"
                    + " snapshot or the live catalog");
        }
        Set<Integer> seen = new HashSet<>();
        for (CatalogEntry e : catalog.entries()) {
            if (e.id() == null) {
                reasons.add(where + e.origin() + " has no known catalog id");
            } else if (!seen.add(e.id())) {
                reasons.add(where + "catalog id " + Integer.toUnsignedString(e.id()) + " appears more than once");
            }
        }
    }
}
