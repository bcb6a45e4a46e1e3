package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;

/** {@code enum} and {@code const}: strings stay a string schema (OpenAI counts their tokens), other values keep their JSON text. */
final class SchemaEnums {
    private SchemaEnums() {
    }

    static boolean present(JsonFields fields) {
        return fields.has("enum") || fields.raw().containsKey("const");
    }

    /** @param types the schema's {@code type}s; values of another type could never validate, so they are dropped */
    static Schema read(JsonFields fields, String description, List<String> types) {
        List<JsonValue> values = fields.raw().containsKey("const") ? List.of(fields.raw().get("const")) : enumValues(fields);
        List<JsonValue> allowed = values.stream().filter(value -> types.isEmpty() || types.stream().anyMatch(type -> is(type, value))).toList();
        if (allowed.isEmpty()) {
            throw ApiException.invalid(fields.path(fields.has("enum") ? "enum" : "const"),
                    "Invalid schema: no value of 'enum' or 'const' is of the schema's type.");
        }
        if (allowed.stream().allMatch(value -> value instanceof JsonString)) {
            return new Schema.StringSchema(description, allowed.stream().map(value -> ((JsonString) value).getString()).toList(),
                    0, OptionalInt.empty(), Optional.empty());
        }
        return new Schema.EnumSchema(description, allowed.stream().map(JsonValue::toString).toList());
    }

    private static List<JsonValue> enumValues(JsonFields fields) {
        JsonArray values = fields.requireArray("enum");
        if (values.isEmpty()) {
            throw ApiException.invalid(fields.path("enum"), "Invalid schema: 'enum' must have at least one value.");
        }
        return values;
    }

    private static boolean is(String type, JsonValue value) {
        return switch (type) {
            case "string" -> value instanceof JsonString;
            case "integer" -> value instanceof JsonNumber number && number.isIntegral();
            case "number" -> value instanceof JsonNumber;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "null" -> value == JsonValue.NULL;
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            default -> false;
        };
    }
}
