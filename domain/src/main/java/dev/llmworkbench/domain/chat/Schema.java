package dev.llmworkbench.domain.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The JSON Schema subset OpenAI's structured outputs and function parameters use, with every
 * {@code $ref} already resolved: enough to count tool tokens the way OpenAI does and to generate
 * JSON that validates against it. A constraint that no value can meet is rejected here.
 */
public sealed interface Schema {
    String description();

    /** The JSON Schema {@code type} keyword as written, as OpenAI's tool token rule reads it. */
    String typeName();

    record ObjectSchema(String description, Map<String, Schema> properties, List<String> required) implements Schema {
        public ObjectSchema {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            required = List.copyOf(required);
            for (String name : required) {
                if (!properties.containsKey(name)) {
                    throw new IllegalArgumentException("'required' names '" + name + "', which is not in 'properties'.");
                }
            }
        }

        public String typeName() {
            return "object";
        }
    }

    record ArraySchema(String description, Schema items, int minItems, OptionalInt maxItems) implements Schema {
        public ArraySchema {
            if (minItems < 0) {
                throw new IllegalArgumentException("'minItems' must be at least 0.");
            }
            if (maxItems.isPresent() && maxItems.getAsInt() < minItems) {
                throw new IllegalArgumentException("'maxItems' must not be less than 'minItems'.");
            }
        }

        public String typeName() {
            return "array";
        }
    }

    /** @param enumValues the allowed strings ({@code enum}, or a string {@code const}); empty when any string goes */
    record StringSchema(String description, List<String> enumValues, int minLength, OptionalInt maxLength,
                        Optional<StringFormat> format) implements Schema {
        public StringSchema {
            enumValues = List.copyOf(enumValues);
            if (minLength < 0) {
                throw new IllegalArgumentException("'minLength' must be at least 0.");
            }
            if (maxLength.isPresent() && maxLength.getAsInt() < minLength) {
                throw new IllegalArgumentException("'maxLength' must not be less than 'minLength'.");
            }
        }

        /** Any string: no enum, no length bounds, no format. */
        public static StringSchema plain(String description) {
            return new StringSchema(description, List.of(), 0, OptionalInt.empty(), Optional.empty());
        }

        public String typeName() {
            return "string";
        }
    }

    /** {@code minimum}/{@code maximum} are inclusive bounds, the {@code exclusive} ones exclusive, as in JSON Schema 2020-12. */
    record NumberSchema(String description, boolean integer, OptionalDouble minimum, OptionalDouble exclusiveMinimum,
                        OptionalDouble maximum, OptionalDouble exclusiveMaximum) implements Schema {
        public NumberSchema {
            double low = lowest(integer, minimum, exclusiveMinimum);
            double high = highest(integer, maximum, exclusiveMaximum);
            boolean open = !integer && (exclusiveMinimum.isPresent() || exclusiveMaximum.isPresent());
            if (low > high || (low == high && open)) {
                throw new IllegalArgumentException("no " + (integer ? "integer" : "number") + " lies within its minimum and maximum.");
            }
        }

        /** The lower bound, for integers the first integer allowed; for numbers it may be exclusive ({@link #isOpenAt}). */
        public double lowest() {
            return lowest(integer, minimum, exclusiveMinimum);
        }

        /** The upper bound, for integers the last integer allowed; for numbers it may be exclusive ({@link #isOpenAt}). */
        public double highest() {
            return highest(integer, maximum, exclusiveMaximum);
        }

        /** Whether {@code bound} is excluded: an exclusive limit of a number schema. */
        public boolean isOpenAt(double bound) {
            return !integer && ((exclusiveMinimum.isPresent() && exclusiveMinimum.getAsDouble() == bound)
                    || (exclusiveMaximum.isPresent() && exclusiveMaximum.getAsDouble() == bound));
        }

        private static double lowest(boolean integer, OptionalDouble inclusive, OptionalDouble exclusive) {
            double in = inclusive.orElse(Double.NEGATIVE_INFINITY);
            double ex = exclusive.orElse(Double.NEGATIVE_INFINITY);
            return integer ? Math.max(Math.ceil(in), Math.floor(ex) + 1) : Math.max(in, ex);
        }

        private static double highest(boolean integer, OptionalDouble inclusive, OptionalDouble exclusive) {
            double in = inclusive.orElse(Double.POSITIVE_INFINITY);
            double ex = exclusive.orElse(Double.POSITIVE_INFINITY);
            return integer ? Math.min(Math.floor(in), Math.ceil(ex) - 1) : Math.min(in, ex);
        }

        public static NumberSchema unbounded(String description, boolean integer) {
            return new NumberSchema(description, integer, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty());
        }

        public String typeName() {
            return integer ? "integer" : "number";
        }
    }

    record BooleanSchema(String description) implements Schema {
        public String typeName() {
            return "boolean";
        }
    }

    record NullSchema(String description) implements Schema {
        public String typeName() {
            return "null";
        }
    }

    /** {@code enum} or {@code const} with values that are not all strings; each value is its JSON text. */
    record EnumSchema(String description, List<String> jsonValues) implements Schema {
        public EnumSchema {
            jsonValues = List.copyOf(jsonValues);
            if (jsonValues.isEmpty()) {
                throw new IllegalArgumentException("'enum' must have at least one value.");
            }
        }

        public String typeName() {
            return "";
        }
    }

    /** {@code anyOf}, and a type list such as {@code ["string", "null"]}: a value valid against one option is valid. */
    record AnyOfSchema(String description, List<Schema> options) implements Schema {
        public AnyOfSchema {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("'anyOf' must have at least one schema.");
            }
        }

        /** The first type that is not null: what the tool token rule counts for a nullable property. */
        public String typeName() {
            return options.stream().filter(option -> !(option instanceof NullSchema)).findFirst().orElse(options.getFirst()).typeName();
        }
    }

    /** No usable {@code type}: any value is valid, so generated JSON holds {@code null}. */
    record AnySchema(String description) implements Schema {
        public String typeName() {
            return "";
        }
    }

    /** A recursive {@code $ref} past the depth it was expanded to; nothing may be generated from it. */
    record Unexpanded(String description, String ref) implements Schema {
        public String typeName() {
            return "";
        }
    }
}
