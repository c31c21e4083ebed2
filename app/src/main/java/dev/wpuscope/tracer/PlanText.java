package dev.wpuscope.tracer;

import dev.wpuscope.change.EntryDescription;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans as text for the user to confirm: what is added to which catalog, with which DLL, and the provider order
 * afterwards. Ids the catalog has not assigned yet are shown as T (the tracer's layered entry) and C1, C2, ...
 * (its chains).
 */
public final class PlanText {

    private PlanText() {
    }

    public static String install(InstallPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan: attach the wpuscope tracer to ").append(plan.selection().describe()).append('\n');
        out.append("Catalog source: ").append(plan.source()).append('\n');
        for (CatalogChange change : plan.changes()) {
            out.append('\n').append(change.bitness().label()).append(" catalog (")
                    .append(change.bitness().registryKey()).append("):\n");
            out.append("  add hidden layered entry T  \"").append(TracerIds.LAYERED_NAME).append("\"  {")
                    .append(TracerIds.LAYERED_PROVIDER).append("}\n");
            out.append("      DLL ").append(change.dllPath()).append('\n');
            out.append("  add ").append(change.covered().size()).append(" protocol chains  {")
                    .append(TracerIds.CHAIN_PROVIDER).append("}, each placed directly before the entry it covers:\n");
            List<TracerEntry> chains = change.chainEntries(0);
            for (int i = 0; i < chains.size(); i++) {
                CatalogEntry covered = change.covered().get(i);
                out.append("    C").append(i + 1).append("  \"").append(chains.get(i).info().protocolName())
                        .append("\"  chain [").append(chainIds(chains.get(i))).append("]\n");
                out.append("        covers ").append(EntryDescription.of(covered)).append('\n');
            }
            out.append("  provider order afterwards (").append(change.before().entries().size() + chains.size() + 1)
                    .append(" entries):\n");
            appendOrder(out, change);
        }
        out.append("\nUndo: `wpuscope tracer remove --live` deinstalls {").append(TracerIds.CHAIN_PROVIDER)
                .append("} then {").append(TracerIds.LAYERED_PROVIDER)
                .append("}; every other entry keeps its place.\n");
        return out.toString();
    }

    public static String removal(List<RemovalPlan> plans) {
        if (plans.isEmpty()) {
            return "The tracer is not installed: nothing to remove.\n";
        }
        StringBuilder out = new StringBuilder("Plan: remove the wpuscope tracer\n");
        for (RemovalPlan plan : plans) {
            out.append('\n').append(plan.bitness().label()).append(" catalog: remove ")
                    .append(plan.tracerEntries().size()).append(" entries\n");
            plan.tracerEntries().forEach(e -> out.append("  - ").append(EntryDescription.of(e)).append('\n'));
            out.append("  deinstall, in this order: ").append(plan.guidsToDeinstall().stream()
                    .map(g -> "{" + g + "}").collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    /** Whether and where the tracer is installed in a catalog snapshot. */
    public static String status(CatalogSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        for (Catalog catalog : snapshot.catalogs().values()) {
            List<CatalogEntry> tracer = catalog.entries().stream().filter(TracerIds::isTracer).toList();
            out.append(catalog.bitness().label()).append(" catalog: ");
            if (tracer.isEmpty()) {
                out.append("the tracer is not installed\n");
                continue;
            }
            out.append("the tracer is installed (").append(tracer.size()).append(" entries)\n");
            for (CatalogEntry e : tracer) {
                out.append("  ").append(EntryDescription.of(e));
                if (!e.info().chain().isEmpty()) {
                    out.append("  chain ").append(e.info().chain());
                }
                out.append("  DLL ").append(e.providerPath()).append('\n');
            }
        }
        if (snapshot.catalogs().isEmpty()) {
            out.append(snapshot.location()).append(" holds no protocol catalog\n");
        }
        return out.toString();
    }

    private static void appendOrder(StringBuilder out, CatalogChange change) {
        int position = 1;
        for (CatalogEntry entry : change.before().entries()) {
            int index = change.covered().indexOf(entry);
            if (index >= 0) {
                out.append(String.format("    %3d. + C%d%n", position++, index + 1));
            }
            out.append(String.format("    %3d.   %s%n", position++, EntryDescription.of(entry)));
        }
        out.append(String.format("    %3d. + T%n", position));
    }

    private static String chainIds(TracerEntry chain) {
        List<Integer> ids = chain.info().chain();
        return "T" + ids.subList(1, ids.size()).stream().map(id -> ", " + Integer.toUnsignedString(id))
                .collect(Collectors.joining());
    }
}
