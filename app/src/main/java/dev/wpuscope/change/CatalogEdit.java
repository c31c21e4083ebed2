package dev.wpuscope.change;

import dev.wpuscope.catalog.model.Catalog;
import java.util.List;

/** The planned change of one catalog: the catalog it was planned from, which must still be there to apply it. */
public interface CatalogEdit {

    /** The catalog the plan was made from. */
    Catalog before();

    /** Readable differences between the plan's catalog and the catalog found now; empty when it is the same. */
    default List<String> differencesFrom(Catalog now) {
        return CatalogComparison.differences(before().entries(), now.entries());
    }

    /** Carries out one planned catalog change, reading back and verifying it; throws on any failure. */
    @FunctionalInterface
    interface Step<E extends CatalogEdit> {
        void apply(E edit, Catalog now, ApplyRun run) throws CatalogWriteException;
    }
}
