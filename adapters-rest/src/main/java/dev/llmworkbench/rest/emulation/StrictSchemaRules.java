package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OpenAI's rules for {@code strict: true} schemas: the root is an object, and every object lists
 * each of its properties as required and sets {@code additionalProperties: false}. Errors name the
 * place as OpenAI does, a Python tuple of the keys leading to it: {@code In context=('properties', 'steps')}.
 */
final class StrictSchemaRules {
    private StrictSchemaRules() {
    }

    /** @param subject what the schema belongs to, as OpenAI names it: {@code response_format 'math'}, {@code function 'f'} */
    static void check(JsonObject schema, String subject, String param) {
        if (!(schema.get("type") instanceof JsonString type && type.getString().equals("object"))) {
            throw ApiException.invalid(param, "Invalid schema for " + subject + ": schema must be a JSON Schema of 'type: \"object\"', got 'type: \""
                    + (schema.get("type") instanceof JsonString t ? ApiException.excerpt(t.getString(), 40) : "None") + "\"'.");
        }
        walk(schema, new ArrayList<>(), subject, param);
    }

    private static void walk(JsonObject schema, List<String> context, String subject, String param) {
        if (schema.get("properties") instanceof JsonObject properties) {
            if (schema.get("additionalProperties") != JsonValue.FALSE) {
                throw ApiException.invalid(param, "Invalid schema for " + subject + ": In context=" + tuple(context)
                        + ", 'additionalProperties' is required to be supplied and to be false.");
            }
            List<String> required = schema.get("required") instanceof JsonArray names
                    ? names.stream().filter(JsonString.class::isInstance).map(name -> ((JsonString) name).getString()).toList()
                    : List.of();
            for (String name : properties.keySet()) {
                if (!required.contains(name)) {
                    throw ApiException.invalid(param, "Invalid schema for " + subject + ": In context=" + tuple(context)
                            + ", 'required' is required to be supplied and to be an array including every key in properties. Missing '"
                            + ApiException.excerpt(name, 40) + "'.");
                }
            }
            children(properties, "properties", context, subject, param);
        }
        for (String defs : List.of("$defs", "definitions")) {
            if (schema.get(defs) instanceof JsonObject definitions) {
                children(definitions, defs, context, subject, param);
            }
        }
        if (schema.get("items") instanceof JsonObject items) {
            descend(items, context, List.of("items"), subject, param);
        }
        if (schema.get("anyOf") instanceof JsonArray options) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i) instanceof JsonObject option) {
                    descend(option, context, List.of("anyOf", String.valueOf(i)), subject, param);
                }
            }
        }
    }

    private static void children(JsonObject parent, String keyword, List<String> context, String subject, String param) {
        for (var entry : parent.entrySet()) {
            if (entry.getValue() instanceof JsonObject child) {
                descend(child, context, List.of(keyword, entry.getKey()), subject, param);
            }
        }
    }

    private static void descend(JsonObject child, List<String> context, List<String> keys, String subject, String param) {
        context.addAll(keys);
        walk(child, context, subject, param);
        context.subList(context.size() - keys.size(), context.size()).clear();
    }

    private static String tuple(List<String> keys) {
        String inner = keys.stream().map(key -> "'" + ApiException.excerpt(key, 40) + "'").collect(Collectors.joining(", "));
        return keys.size() == 1 ? "(" + inner + ",)" : "(" + inner + ")";
    }
}
