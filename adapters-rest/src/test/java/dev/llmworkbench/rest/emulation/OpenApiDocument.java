package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.JsonKind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** OpenAI's published OpenAPI document (openai/openai-openapi, API 2.3.0), vendored in test resources. */
final class OpenApiDocument {
    private static final JsonObject SCHEMAS = load().getJsonObject("components").getJsonObject("schemas");

    private OpenApiDocument() {
    }

    private static JsonObject load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openai/openapi.json"); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request schema's properties, its allOf parts included, each with the JSON types it may take (null left out). */
    static Map<String, Set<JsonKind>> requestArguments(String schema) {
        Map<String, Set<JsonKind>> arguments = new LinkedHashMap<>();
        collect(SCHEMAS.getJsonObject(schema), arguments);
        return arguments;
    }

    private static void collect(JsonObject schema, Map<String, Set<JsonKind>> arguments) {
        if (schema.containsKey("$ref")) {
            collect(resolve(schema), arguments);
            return;
        }
        for (JsonValue part : schema.getOrDefault("allOf", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            collect(part.asJsonObject(), arguments);
        }
        for (Map.Entry<String, JsonValue> property : schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().entrySet()) {
            arguments.put(property.getKey(), kinds(property.getValue().asJsonObject()));
        }
    }

    private static JsonObject resolve(JsonObject reference) {
        String ref = reference.getString("$ref");
        return SCHEMAS.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The types a schema admits: its {@code type}, or the union over anyOf/oneOf/allOf, or what its properties or enum imply. */
    static Set<JsonKind> kinds(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            return kinds(resolve(schema));
        }
        Set<JsonKind> kinds = EnumSet.noneOf(JsonKind.class);
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            for (JsonValue option : schema.getOrDefault(combinator, JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                kinds.addAll(kinds(option.asJsonObject()));
            }
        }
        JsonValue type = schema.get("type");
        if (type instanceof JsonString name) {
            add(kinds, name.getString());
        } else if (type instanceof JsonArray names) {
            names.getValuesAs(JsonString.class).forEach(name -> add(kinds, name.getString()));
        }
        if (kinds.isEmpty() && schema.containsKey("properties")) {
            kinds.add(JsonKind.OBJECT);
        }
        return kinds;
    }

    private static void add(Set<JsonKind> kinds, String type) {
        if (!type.equals("null")) {
            kinds.add(JsonKind.valueOf(type.toUpperCase(Locale.ROOT)));
        }
    }
}
