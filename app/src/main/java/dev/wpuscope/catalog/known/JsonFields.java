package dev.wpuscope.catalog.known;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One JSON object of the knowledge base read strictly: it must have exactly the expected fields, each of the
 * expected JSON type; every complaint names where the object is ({@code known-lsps.json: products[2]
 * (proxifier)}) and the field.
 */
final class JsonFields {

    private final JsonNode node;
    private final String where;

    private JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The object at {@code where}, which must have all of {@code required}, may have {@code optional}, and nothing else. */
    static JsonFields of(JsonNode node, String where, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            throw new KnowledgeBaseFormatException(where + ": expected an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!required.contains(name) && !optional.contains(name)) {
                throw new KnowledgeBaseFormatException(where + ": unknown field '" + name + "'");
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                throw new KnowledgeBaseFormatException(where + ": missing field '" + name + "'");
            }
        }
        return new JsonFields(node, where);
    }

    String where() {
        return where;
    }

    /** The same object, its location followed by the entry's id: {@code products[2] (proxifier)}. */
    JsonFields named(String id) {
        return new JsonFields(node, where + " (" + id + ")");
    }

    /** A field's non-blank text. */
    String text(String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw problem(field, "expected non-empty text");
        }
        return value.asText();
    }

    /** An optional field's non-blank text, or {@code null} when it is absent. */
    String optionalText(String field) {
        return node.has(field) ? text(field) : null;
    }

    /** An https URL. */
    String url(String field) {
        String url = text(field);
        if (!url.startsWith("https://") || url.contains(" ")) {
            throw problem(field, "expected an https:// URL, got '" + url + "'");
        }
        return url;
    }

    String optionalUrl(String field) {
        return node.has(field) ? url(field) : null;
    }

    int integer(String field) {
        JsonNode value = node.get(field);
        if (!value.isInt()) {
            throw problem(field, "expected an integer");
        }
        return value.asInt();
    }

    /** Each element of an array field, read by {@code element} from its own location ("field[3]"). */
    <T> List<T> list(String field, Function<Element, T> element) {
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw problem(field, "expected an array");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(element.apply(new Element(value.get(i), where + ": " + field + "[" + i + "]")));
        }
        return items;
    }

    KnowledgeBaseFormatException problem(String field, String what) {
        return new KnowledgeBaseFormatException(where + ": field '" + field + "': " + what);
    }

    /** An array element and where it is. */
    record Element(JsonNode node, String where) {

        JsonFields fields(Set<String> required, Set<String> optional) {
            return JsonFields.of(node, where, required, optional);
        }
    }
}
