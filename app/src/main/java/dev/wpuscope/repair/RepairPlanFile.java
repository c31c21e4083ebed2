package dev.wpuscope.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A repair plan as a file, to be made from a customer's export and applied on the customer's machine: the request,
 * per catalog the ids removed and moved, the fingerprints of the catalogs before and after, and both catalogs whole
 * (as wpuscope snapshots) so that applying it needs nothing else and a refusal can say which entry differs.
 */
public final class RepairPlanFile {

    static final String FORMAT = "wpuscope-repair-plan";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RepairPlanFile() {
    }

    public static byte[] write(RepairPlan plan) {
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", FORMAT);
            root.put("version", VERSION);
            root.put("source", plan.source());
            root.put("request", plan.request());
            root.put("fingerprintBefore", plan.fingerprintBefore());
            root.put("fingerprintAfter", plan.fingerprintAfter());
            ArrayNode catalogs = root.putArray("catalogs");
            for (CatalogRepair repair : plan.catalogs()) {
                ObjectNode c = catalogs.addObject();
                c.put("bitness", repair.bitness().label());
                repair.removed().forEach(e -> c.withArray("removedIds").add(e.id()));
                repair.moved().forEach(e -> c.withArray("movedIds").add(e.id()));
            }
            root.set("before", MAPPER.readTree(SnapshotJson.write(plan.beforeSnapshot())));
            root.set("expected", MAPPER.readTree(SnapshotJson.write(plan.expectedSnapshot())));
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a repair plan could not be written as JSON", e);
        }
    }

    /** Reads a plan file; refuses one whose catalogs do not match its fingerprints (edited or damaged). */
    public static RepairPlan read(byte[] json, String name) throws CatalogReadException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogReadException(name + ": not a JSON file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogReadException(name + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new CatalogReadException(name + ": not a wpuscope repair plan (no \"format\": \"" + FORMAT
                    + "\")");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new CatalogReadException(name + ": repair plan version " + root.path("version")
                    + " is not supported (this wpuscope reads version " + VERSION + ")");
        }
        CatalogSnapshot before = snapshot(root, "before", name);
        CatalogSnapshot expected = snapshot(root, "expected", name);
        List<CatalogRepair> repairs = new ArrayList<>();
        for (Catalog catalog : before.catalogs().values()) {
            Catalog after = expected.catalog(catalog.bitness()).orElseThrow(() -> new CatalogReadException(name
                    + ": the expected catalogs lack the " + catalog.bitness().label() + " catalog"));
            JsonNode entry = catalogNode(root, catalog.bitness());
            repairs.add(new CatalogRepair(catalog, after, byIds(catalog, entry.path("removedIds"), name),
                    byIds(catalog, entry.path("movedIds"), name)));
        }
        RepairPlan plan = new RepairPlan(root.path("source").asText(), root.path("request").asText(), repairs);
        if (!plan.fingerprintBefore().equals(root.path("fingerprintBefore").asText())
                || !plan.fingerprintAfter().equals(root.path("fingerprintAfter").asText())) {
            throw new CatalogReadException(name + ": the plan's catalogs do not match its fingerprints (the file was"
                    + " edited or damaged); make the plan again");
        }
        for (CatalogRepair repair : repairs) {
            checkExpected(repair, name);
        }
        return plan;
    }

    private static CatalogSnapshot snapshot(JsonNode root, String field, String name) throws CatalogReadException {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new CatalogReadException(name + ": the repair plan has no \"" + field + "\" catalog");
        }
        try {
            return SnapshotJson.read(MAPPER.writeValueAsBytes(node), name + " (" + field + ")");
        } catch (JsonProcessingException e) {
            throw new CatalogReadException(name + ": " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode catalogNode(JsonNode root, Bitness bitness) {
        for (JsonNode c : root.path("catalogs")) {
            if (bitness.label().equals(c.path("bitness").asText())) {
                return c;
            }
        }
        return MAPPER.createObjectNode();
    }

    private static List<CatalogEntry> byIds(Catalog catalog, JsonNode ids, String name) throws CatalogReadException {
        List<CatalogEntry> entries = new ArrayList<>();
        for (JsonNode id : ids) {
            entries.add(catalog.byId(id.asInt()).orElseThrow(() -> new CatalogReadException(name + ": the "
                    + catalog.bitness().label() + " catalog has no entry " + id.asText())));
        }
        return entries;
    }

    /** The expected catalog must be the catalog before, less the removed entries, each entry unchanged. */
    private static void checkExpected(CatalogRepair repair, String name) throws CatalogReadException {
        Set<Integer> removed = new HashSet<>();
        repair.removed().forEach(e -> removed.add(e.id()));
        List<CatalogEntry> kept = repair.before().entries().stream().filter(e -> !removed.contains(e.id())).toList();
        List<CatalogEntry> expected = repair.expected().entries();
        boolean same = kept.size() == expected.size() && kept.stream().allMatch(k -> expected.stream()
                .anyMatch(e -> e.id().equals(k.id()) && e.info().equals(k.info())));
        if (!same) {
            throw new CatalogReadException(name + ": the " + repair.bitness().label() + " catalog expected after the"
                    + " repair is not the catalog before less the removed entries");
        }
    }
}
