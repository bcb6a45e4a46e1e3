package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.JsonText;
import dev.llmworkbench.domain.chat.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A generated JSON value, kept as a tree while {@link StructuredJson} stretches it: strings take words, arrays elements. */
sealed interface JsonNode {
    void write(StringBuilder json);

    /** A value that never grows: a number, a boolean, null, an enum value, a formatted string. */
    record Literal(String json) implements JsonNode {
        public void write(StringBuilder out) {
            out.append(json);
        }
    }

    /** A free string value, at most {@code maxLength} characters (code points: its words are ASCII). */
    final class Text implements JsonNode {
        private final StringBuilder value;
        private final OptionalInt maxLength;

        Text(String initial, OptionalInt maxLength) {
            this.value = new StringBuilder(initial);
            this.maxLength = maxLength;
        }

        boolean fits(String word) {
            return maxLength.isEmpty() || value.length() + word.length() <= maxLength.getAsInt();
        }

        int length() {
            return value.length();
        }

        void append(String word) {
            value.append(word);
        }

        void truncate(int length) {
            value.setLength(length);
        }

        public void write(StringBuilder out) {
            JsonText.quote(value.toString(), out);
        }
    }

    /** @param depth the nesting depth of the array's elements */
    record ArrayNode(Schema.ArraySchema schema, List<JsonNode> items, int depth) implements JsonNode {
        ArrayNode(Schema.ArraySchema schema, int depth) {
            this(schema, new ArrayList<>(), depth);
        }

        boolean full() {
            return schema.maxItems().isPresent() && items.size() >= schema.maxItems().getAsInt();
        }

        public void write(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                items.get(i).write(out);
            }
            out.append(']');
        }
    }

    record ObjectNode(List<String> names, List<JsonNode> values) implements JsonNode {
        ObjectNode() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void put(String name, JsonNode value) {
            names.add(name);
            values.add(value);
        }

        public void write(StringBuilder out) {
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.quote(names.get(i), out).append(':');
                values.get(i).write(out);
            }
            out.append('}');
        }
    }
}
