package dev.wpuscope.tracer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.List;

/**
 * A plan as JSON for tools and the GUI: per catalog the layered entry, the chains (with "T" standing for the
 * layered entry's id until the catalog assigns it) and the provider order afterwards.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String install(InstallPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", "install");
        root.put("source", plan.source());
        root.put("selection", plan.selection().describe());
        root.put("layeredProviderId", TracerIds.LAYERED_PROVIDER.toString());
        root.put("chainProviderId", TracerIds.CHAIN_PROVIDER.toString());
        ArrayNode catalogs = root.putArray("catalogs");
        for (CatalogChange change : plan.changes()) {
            ObjectNode catalog = catalogs.addObject();
            catalog.put("bitness", change.bitness().label());
            catalog.put("dllPath", change.dllPath());
            ArrayNode chains = catalog.putArray("chains");
            List<TracerEntry> entries = change.chainEntries(0);
            for (int i = 0; i < entries.size(); i++) {
                ObjectNode chain = chains.addObject();
                chain.put("name", "C" + (i + 1));
                chain.put("szProtocol", entries.get(i).info().protocolName());
                chain.put("covers", change.covered().get(i).id());
                ArrayNode ids = chain.putArray("chainEntries");
                ids.add("T");
                entries.get(i).info().chain().stream().skip(1).forEach(ids::add);
            }
            ArrayNode order = catalog.putArray("providerOrderAfter");
            for (CatalogEntry entry : change.before().entries()) {
                int index = change.covered().indexOf(entry);
                if (index >= 0) {
                    order.add("C" + (index + 1));
                }
                order.add(entry.id());
            }
            order.add("T");
        }
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan could not be written as JSON", e);
        }
    }
}
