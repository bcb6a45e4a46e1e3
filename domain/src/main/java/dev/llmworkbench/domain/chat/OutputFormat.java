package dev.llmworkbench.domain.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/** What the assistant's content must be: {@code response_format} on chat, {@code text.format} on responses. */
public sealed interface OutputFormat {
    record Text() implements OutputFormat {
    }

    /** Any JSON object ({@code json_object}, "JSON mode"). */
    record JsonObject() implements OutputFormat {
    }

    /** JSON valid against {@code schema} ({@code json_schema}, structured outputs). */
    record JsonSchema(String name, String description, Schema schema, boolean strict) implements OutputFormat {
        // OpenAI: "must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64"
        private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(schema, "schema");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid 'name': string does not match pattern. Expected a string that "
                        + "matches the pattern '^[a-zA-Z0-9_-]+$' with a maximum length of 64.");
            }
        }
    }
}
