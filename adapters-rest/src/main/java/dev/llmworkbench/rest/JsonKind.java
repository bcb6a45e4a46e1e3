package dev.llmworkbench.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/** The JSON types an OpenAPI schema's {@code type} keyword names; {@code null} is not one, it reads as absent. */
public enum JsonKind {
    STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("a boolean"), ARRAY("an array"), OBJECT("an object");

    private final String words;

    JsonKind(String words) {
        this.words = words;
    }

    /** As an error message names it: "an integer". */
    public String words() {
        return words;
    }

    public boolean matches(JsonValue value) {
        return switch (this) {
            case STRING -> value.getValueType() == JsonValue.ValueType.STRING;
            case INTEGER -> value instanceof JsonNumber number && number.isIntegral();
            case NUMBER -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case BOOLEAN -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case ARRAY -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case OBJECT -> value.getValueType() == JsonValue.ValueType.OBJECT;
        };
    }
}
