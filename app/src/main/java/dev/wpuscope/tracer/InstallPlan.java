package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import java.util.List;

/**
 * The exact catalog changes that attach the tracer, per catalog, in the order they are applied (the 32-bit
 * catalog first: on 64-bit Windows its entries are installed through the 64-bit catalog, which must not yet hold
 * the tracer's GUIDs). The inverse is a {@link RemovalPlan}: deinstall the tracer's GUIDs, which leaves every
 * other entry in its original order.
 *
 * @param source    where the catalog came from (file or "live")
 * @param selection what the user chose
 */
public record InstallPlan(String source, Selection selection, List<CatalogChange> changes) {

    public InstallPlan {
        changes = changes.stream().sorted((a, b) -> a.bitness() == b.bitness() ? 0
                : a.bitness() == Bitness.X86 ? -1 : 1).toList();
    }

    public int chainCount() {
        return changes.stream().mapToInt(c -> c.covered().size()).sum();
    }
}
