package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** JSON Schema keywords read with their own type checks: {@code type}, counts such as {@code minItems}, bounds such as {@code minimum}. */
final class SchemaKeywords {
    private SchemaKeywords() {
    }

    static List<String> types(JsonFields fields) {
        JsonValue type = fields.get("type");
        if (type == null) {
            return List.of();
        }
        if (type instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (type instanceof JsonArray list && !list.isEmpty()) {
            return ChatRequestReader.strings(list, fields.path("type"));
        }
        throw JsonFields.wrongType(fields.path("type"), "a string or a non-empty array of strings", type);
    }

    static OptionalInt count(JsonFields fields, String name) {
        OptionalInt value = fields.optInt(name);
        if (value.isPresent() && value.getAsInt() < 0) {
            throw ApiException.invalid(fields.path(name), "Invalid schema: '" + name + "' must be a non-negative integer.");
        }
        return value;
    }

    static OptionalDouble number(JsonFields fields, String name) {
        JsonValue value = fields.get(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value instanceof JsonNumber number) {
            return OptionalDouble.of(number.doubleValue());
        }
        throw JsonFields.wrongType(fields.path(name), "a number", value);
    }
}
