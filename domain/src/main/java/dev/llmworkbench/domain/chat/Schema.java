package dev.llmworkbench.domain.chat;

import java.util.List;
import java.util.Map;

/**
 * The subset of JSON Schema a function's {@code parameters} use, enough to count tool tokens the
 * way OpenAI does and to generate arguments that validate against it.
 */
public sealed interface Schema {
    String description();

    /** The JSON Schema {@code type} keyword as written, as OpenAI's tool token rule reads it. */
    String typeName();

    record ObjectSchema(String description, Map<String, Schema> properties, List<String> required) implements Schema {
        public ObjectSchema {
            properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
            required = List.copyOf(required);
        }

        public String typeName() {
            return "object";
        }
    }

    record ArraySchema(String description, Schema items) implements Schema {
        public String typeName() {
            return "array";
        }
    }

    record StringSchema(String description, List<String> enumValues) implements Schema {
        public StringSchema {
            enumValues = List.copyOf(enumValues);
        }

        public String typeName() {
            return "string";
        }
    }

    record NumberSchema(String description, boolean integer) implements Schema {
        public String typeName() {
            return integer ? "integer" : "number";
        }
    }

    record BooleanSchema(String description) implements Schema {
        public String typeName() {
            return "boolean";
        }
    }

    /** No usable {@code type}: arguments get {@code null}, which any untyped schema accepts. */
    record AnySchema(String description) implements Schema {
        public String typeName() {
            return "";
        }
    }
}
