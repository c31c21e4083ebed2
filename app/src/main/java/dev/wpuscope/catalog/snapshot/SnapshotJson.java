package dev.wpuscope.catalog.snapshot;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.RawBytes;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.io.IOException;
import java.util.HexFormat;

/**
 * wpuscope's own catalog snapshot file: versioned JSON
 * ({@code {"format":"wpuscope-catalog-snapshot","version":1,...}}) that holds a {@link CatalogSnapshot}
 * exactly, including nulls (fields a source did not know), original PackedCatalogItem bytes (as hex) and the
 * source's limitations and warnings. Non-ASCII text is written as {@code \\u} escapes so that every string,
 * even one with an unpaired surrogate from a damaged szProtocol, comes back unchanged.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("wpuscope-raw-bytes")
                    .addSerializer(RawBytes.class, new RawBytesSerializer())
                    .addDeserializer(RawBytes.class, new RawBytesDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private SnapshotJson() {
    }

    /** The snapshot as UTF-8 JSON text. */
    public static byte[] write(CatalogSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsBytes(SnapshotDocument.of(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalog snapshot could not be written as JSON", e);
        }
    }

    /**
     * Reads a snapshot file's bytes; {@code name} names the file in messages.
     *
     * @throws CatalogReadException for JSON errors (with line and column), another format, a newer version,
     *                              or a value the model does not allow
     */
    public static CatalogSnapshot read(byte[] json, String name) throws CatalogReadException {
        try {
            checkHeader(MAPPER.readTree(json), name);
            SnapshotDocument document = MAPPER.readValue(json, SnapshotDocument.class);
            SnapshotValidator.check(document, name);
            return document.toSnapshot();
        } catch (JsonProcessingException e) {
            throw new CatalogReadException(located(name, e.getLocation()) + describe(e), e);
        } catch (IOException e) {
            throw new CatalogReadException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(JsonNode root, String name) throws CatalogReadException {
        if (root == null || !root.isObject()) {
            throw new CatalogReadException(name + ": not a wpuscope snapshot: the file is not one JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !SnapshotDocument.FORMAT.equals(format.asText(null))) {
            throw new CatalogReadException(name + ": not a wpuscope snapshot: \"format\" must be \""
                    + SnapshotDocument.FORMAT + "\", found " + (format == null ? "nothing" : format.toString()));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new CatalogReadException(name + ": \"version\" must be a whole number from 1, found "
                    + (version == null ? "nothing" : version.toString()));
        }
        if (version.intValue() > SnapshotDocument.VERSION) {
            throw new CatalogReadException(name + ": snapshot format version " + version.intValue()
                    + " is newer than this wpuscope reads (version " + SnapshotDocument.VERSION
                    + "); open it with a newer wpuscope");
        }
    }

    private static String located(String name, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return name + ": ";
        }
        return name + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty() ? " (at " + jsonPath(mapping) + ")" : "";
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException) {
            return "a required value is null or missing" + path;
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf("\n at [Source");
        return (cut < 0 ? message : message.substring(0, cut)).replaceAll("\\[Source: [^;]*; ", "[") + path;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static final class RawBytesSerializer extends StdSerializer<RawBytes> {
        RawBytesSerializer() {
            super(RawBytes.class);
        }

        @Override
        public void serialize(RawBytes value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class RawBytesDeserializer extends StdDeserializer<RawBytes> {
        RawBytesDeserializer() {
            super(RawBytes.class);
        }

        @Override
        public RawBytes deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                return (RawBytes) context.handleUnexpectedToken(RawBytes.class, in);
            }
            String hex = in.getText();
            if (hex.length() % 2 != 0 || !hex.chars().allMatch(SnapshotJson::isHexDigit)) {
                return (RawBytes) context.handleWeirdStringValue(RawBytes.class, hex,
                        "bytes must be written as an even number of hex digits");
            }
            return RawBytes.of(HexFormat.of().parseHex(hex));
        }
    }
}
