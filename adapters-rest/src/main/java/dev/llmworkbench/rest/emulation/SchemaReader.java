package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.StringFormat;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON Schema (function parameters, {@code response_format}, {@code text.format}) into the
 * domain's {@link Schema}. Local {@code $ref}s ({@code #}, {@code #/$defs/...}, any JSON pointer)
 * are expanded in place; a recursive one is expanded {@value #MAX_EXPANSIONS} times on one path,
 * deeper than the generator ever goes, and left {@link Schema.Unexpanded} beyond.
 */
public final class SchemaReader {
    private static final int MAX_EXPANSIONS = 6;
    /** Schemas after expansion: bounds the work a schema with several recursive references causes. */
    private static final int MAX_NODES = 20_000;
    /** Schemas nested in one another, expansions included: deep enough for any real schema, shallow enough for the stack. */
    private static final int MAX_DEPTH = 200;

    private final JsonObject root;
    private final String rootPath;
    private final Map<String, Integer> expanding = new HashMap<>();
    private int nodes;
    private int depth;

    private SchemaReader(JsonObject root, String rootPath) {
        this.root = root;
        this.rootPath = rootPath;
    }

    /** @param path the schema's place in the request, which errors name as their {@code param} */
    public static Schema read(JsonObject schema, String path) {
        return new SchemaReader(schema, path).schema(schema, path);
    }

    private Schema schema(JsonObject json, String path) {
        if (++nodes > MAX_NODES) {
            throw ApiException.invalid(rootPath, "Invalid schema: more than " + MAX_NODES + " schemas once its '$ref's are expanded.");
        }
        if (depth == MAX_DEPTH) {
            throw ApiException.invalid(rootPath, "Invalid schema: nested more than " + MAX_DEPTH + " levels deep once its '$ref's are expanded.");
        }
        depth++;
        try {
            return parse(json, path);
        } finally {
            depth--;
        }
    }

    private Schema parse(JsonObject json, String path) {
        if (json.get("$ref") instanceof JsonString ref) {
            return reference(ref.getString(), path);
        }
        JsonFields fields = new JsonFields(json, path);
        String description = fields.optString("description").orElse("");
        try {
            if (fields.has("allOf")) {
                return allOf(each(fields.requireArray("allOf"), fields.path("allOf")), description, fields.path("allOf"));
            }
            // oneOf is generated as anyOf: one option is chosen, and options of a oneOf are meant not to overlap
            String union = fields.has("anyOf") ? "anyOf" : fields.has("oneOf") ? "oneOf" : null;
            if (union != null) {
                return new Schema.AnyOfSchema(description, each(fields.requireArray(union), fields.path(union)));
            }
            List<String> types = SchemaKeywords.types(fields);
            if (SchemaEnums.present(fields)) {
                return SchemaEnums.read(fields, description, types);
            }
            if (types.isEmpty()) {
                return fields.has("properties") ? object(fields, description)
                        : fields.has("items") ? array(fields, description) : new Schema.AnySchema(description);
            }
            List<Schema> options = new ArrayList<>(types.size());
            for (String type : types) {
                options.add(typed(type, fields, description));
            }
            return options.size() == 1 ? options.getFirst() : new Schema.AnyOfSchema(description, options);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(path, "Invalid schema: " + e.getMessage());
        }
    }

    private Schema reference(String ref, String path) {
        if (!ref.equals("#") && !ref.startsWith("#/")) {
            throw ApiException.invalid(path + ".$ref", "Invalid schema: only local references ('#' or '#/...') are supported, got '"
                    + ApiException.excerpt(ref, 80) + "'.");
        }
        int open = expanding.getOrDefault(ref, 0);
        if (open >= MAX_EXPANSIONS) {
            return new Schema.Unexpanded("", ref);
        }
        JsonObject target = resolve(ref, path);
        expanding.put(ref, open + 1);
        try {
            return schema(target, rootPath + ref.substring(1).replace('/', '.'));
        } finally {
            expanding.put(ref, open);
        }
    }

    /** A JSON pointer (RFC 6901) into the root schema. */
    private JsonObject resolve(String ref, String path) {
        JsonValue at = root;
        for (String token : ref.substring(1).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String key = token.replace("~1", "/").replace("~0", "~");
            at = switch (at) {
                case null -> null;
                case JsonObject object -> object.get(key);
                case JsonArray array when key.matches("\\d{1,9}") && Integer.parseInt(key) < array.size() -> array.get(Integer.parseInt(key));
                default -> null;
            };
        }
        if (at instanceof JsonObject target) {
            return target;
        }
        throw ApiException.invalid(path + ".$ref", "Invalid schema: reference '" + ApiException.excerpt(ref, 80)
                + "' does not point to a schema.");
    }

    /** One schema, or objects whose properties and required names are merged, as Pydantic and Zod write them. */
    private static Schema allOf(List<Schema> parts, String description, String path) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (Schema part : parts) {
            if (!(part instanceof Schema.ObjectSchema object)) {
                throw ApiException.invalid(path, "Invalid schema: the emulator combines 'allOf' of one schema or of object schemas only.");
            }
            properties.putAll(object.properties());
            required.addAll(object.required());
        }
        return new Schema.ObjectSchema(description, properties, List.copyOf(required));
    }

    private List<Schema> each(JsonArray array, String path) {
        List<Schema> schemas = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            schemas.add(schema(JsonFields.element(array, i, path).raw(), path + "[" + i + "]"));
        }
        return schemas;
    }

    private Schema typed(String type, JsonFields fields, String description) {
        return switch (type) {
            case "object" -> object(fields, description);
            case "array" -> array(fields, description);
            case "string" -> new Schema.StringSchema(description, List.of(), SchemaKeywords.count(fields, "minLength").orElse(0),
                    SchemaKeywords.count(fields, "maxLength"), fields.optString("format").flatMap(StringFormat::fromWire));
            case "integer", "number" -> new Schema.NumberSchema(description, type.equals("integer"), SchemaKeywords.number(fields, "minimum"),
                    SchemaKeywords.number(fields, "exclusiveMinimum"), SchemaKeywords.number(fields, "maximum"), SchemaKeywords.number(fields, "exclusiveMaximum"));
            case "boolean" -> new Schema.BooleanSchema(description);
            case "null" -> new Schema.NullSchema(description);
            default -> throw ApiException.invalid(fields.path("type"), "Invalid schema: type '" + ApiException.excerpt(type, 40)
                    + "' is not one of 'object', 'array', 'string', 'number', 'integer', 'boolean' or 'null'.");
        };
    }

    private Schema.ObjectSchema object(JsonFields fields, String description) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        JsonFields declared = fields.optObject("properties").orElse(null);
        if (declared != null) {
            for (String name : declared.raw().keySet()) {
                properties.put(name, schema(declared.requireObject(name).raw(), declared.path(name)));
            }
        }
        List<String> required = fields.optArray("required").map(r -> ChatRequestReader.strings(r, fields.path("required"))).orElse(List.of());
        for (String name : required) {
            // a required name without a schema of its own may hold anything
            properties.putIfAbsent(name, new Schema.AnySchema(""));
        }
        return new Schema.ObjectSchema(description, properties, required);
    }

    private Schema.ArraySchema array(JsonFields fields, String description) {
        Optional<JsonFields> items = fields.optObject("items");
        Schema itemSchema = items.isPresent() ? schema(items.get().raw(), fields.path("items")) : new Schema.AnySchema("");
        return new Schema.ArraySchema(description, itemSchema, SchemaKeywords.count(fields, "minItems").orElse(0), SchemaKeywords.count(fields, "maxItems"));
    }
}
