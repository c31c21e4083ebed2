package dev.wpuscope.catalog.known;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.catalog.binary.Guids;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the knowledge base file strictly: every object must have exactly its fields, every fact its https
 * source, every GUID the registry form, and no GUID, DLL name or protocol name may belong to two products.
 * A mistake is reported as file, entry and field.
 */
public final class KnownLspsReader {

    /** The {@code format} value of the file. */
    static final String FORMAT = "wpuscope-known-lsps";
    /** The file version this reader understands. */
    static final int VERSION = 1;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REGISTRY_GUID = Pattern.compile(
            "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
    private static final Set<String> BITNESSES = Set.of("x64", "x86", "unstated");

    private final String file;
    private final Map<String, String> owners = new HashMap<>();

    private KnownLspsReader(String file) {
        this.file = file;
    }

    /** Reads the knowledge base from its JSON text; {@code file} names it in error messages. */
    public static KnownLsps read(String json, String file) {
        return new KnownLspsReader(file).readAll(json);
    }

    private KnownLsps readAll(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseFormatException(file + ": not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        }
        JsonFields top = JsonFields.of(root, file, Set.of("format", "version", "products"), Set.of());
        if (!FORMAT.equals(top.text("format"))) {
            throw top.problem("format", "expected '" + FORMAT + "'");
        }
        int version = top.integer("version");
        if (version != VERSION) {
            throw top.problem("version", "version " + version + " is not the one this wpuscope reads (" + VERSION + ")");
        }
        return new KnownLsps(version, top.list("products", this::product));
    }

    private KnownProduct product(JsonFields.Element element) {
        JsonFields raw = element.fields(Set.of("id", "about", "dlls", "guids", "protocol_names", "breakages"), Set.of());
        String id = raw.text("id");
        if (!ID.matcher(id).matches()) {
            throw raw.problem("id", "expected lower-case words joined by '-', got '" + id + "'");
        }
        JsonFields product = raw.named(id);
        claimOnce("product id " + id, product, product, "id");
        JsonFields about = JsonFields.of(element.node().get("about"), product.where() + ": about",
                Set.of("vendor", "product", "does", "category", "source"), Set.of());
        String categoryKey = about.text("category");
        ProductCategory category = ProductCategory.ofKey(categoryKey).orElseThrow(() -> about.problem("category",
                "expected one of " + ProductCategory.keys() + ", got '" + categoryKey + "'"));
        List<KnownDll> dlls = product.list("dlls", e -> dll(e, product));
        List<KnownGuid> guids = product.list("guids", e -> guid(e, product));
        List<KnownName> names = product.list("protocol_names", e -> protocolName(e, product));
        if (dlls.isEmpty() && guids.isEmpty() && names.isEmpty()) {
            throw new KnowledgeBaseFormatException(product.where()
                    + ": nothing to recognise it by (give at least one of dlls, guids, protocol_names)");
        }
        return new KnownProduct(id, about.text("vendor"), about.text("product"), about.text("does"), category,
                about.url("source"), dlls, guids, names, product.list("breakages", this::breakage));
    }

    private KnownDll dll(JsonFields.Element element, JsonFields product) {
        JsonFields fields = element.fields(Set.of("name", "bitness", "source"), Set.of());
        String name = fields.text("name");
        if (!name.toLowerCase(Locale.ROOT).endsWith(".dll") || name.contains("\\") || name.contains("/")) {
            throw fields.problem("name", "expected a DLL file name without a path, got '" + name + "'");
        }
        String bitness = fields.text("bitness");
        if (!BITNESSES.contains(bitness)) {
            throw fields.problem("bitness", "expected x64, x86 or unstated, got '" + bitness + "'");
        }
        claimAcrossProducts("DLL " + name.toLowerCase(Locale.ROOT), product, fields, "name");
        claimOnce("DLL " + name.toLowerCase(Locale.ROOT) + " " + bitness, product, fields, "name");
        return new KnownDll(name, bitness, fields.url("source"));
    }

    private KnownGuid guid(JsonFields.Element element, JsonFields product) {
        JsonFields fields = element.fields(Set.of("guid", "entry", "source"), Set.of());
        String text = fields.text("guid");
        if (!REGISTRY_GUID.matcher(text).matches()) {
            throw fields.problem("guid", "expected the registry form {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}, got '"
                    + text + "'");
        }
        UUID guid = UUID.fromString(text.substring(1, text.length() - 1));
        claimOnce("GUID " + Guids.registryForm(guid), product, fields, "guid");
        return new KnownGuid(guid, fields.text("entry"), fields.url("source"));
    }

    private KnownName protocolName(JsonFields.Element element, JsonFields product) {
        JsonFields fields = element.fields(Set.of("name", "source"), Set.of());
        String name = fields.text("name");
        claimOnce("protocol name " + name.toLowerCase(Locale.ROOT), product, fields, "name");
        return new KnownName(name, fields.url("source"));
    }

    private KnownBreakage breakage(JsonFields.Element element) {
        JsonFields fields = element.fields(Set.of("symptom", "error", "affected", "source"),
                Set.of("workaround", "workaround_source"));
        String workaround = fields.optionalText("workaround");
        String workaroundSource = fields.optionalUrl("workaround_source");
        if ((workaround == null) != (workaroundSource == null)) {
            throw fields.problem(workaround == null ? "workaround" : "workaround_source",
                    "a workaround needs its source and a source its workaround");
        }
        return new KnownBreakage(fields.text("symptom"), fields.text("error"), fields.text("affected"),
                fields.url("source"), workaround, workaroundSource);
    }

    /** A value no other product (and no other place of this product) may have. */
    private void claimOnce(String value, JsonFields product, JsonFields fields, String field) {
        String owner = owners.putIfAbsent(value, product.where());
        if (owner != null) {
            throw fields.problem(field, value + " is already listed by " + owner);
        }
    }

    /** A value other products may not have (the same product may list it for both bitnesses). */
    private void claimAcrossProducts(String value, JsonFields product, JsonFields fields, String field) {
        String owner = owners.putIfAbsent(value, product.where());
        if (owner != null && !owner.equals(product.where())) {
            throw fields.problem(field, value + " is already listed by " + owner);
        }
    }
}
