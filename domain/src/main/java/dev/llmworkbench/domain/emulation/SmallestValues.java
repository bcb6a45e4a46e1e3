package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.Schema;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How deep the smallest value valid against a schema nests: what lets the generator end a
 * recursive schema by choosing, deep down, the {@code anyOf} option or the optional property
 * that leads nowhere further. A schema whose every value passes a {@link Schema.Unexpanded} has none.
 */
final class SmallestValues {
    static final int NONE = Integer.MAX_VALUE / 2;

    private final Map<Schema, Integer> depths = new IdentityHashMap<>();

    boolean exists(Schema schema) {
        return depth(schema) < NONE;
    }

    int depth(Schema schema) {
        Integer known = depths.get(schema);
        if (known != null) {
            return known;
        }
        int depth = switch (schema) {
            case Schema.ObjectSchema object -> 1 + object.required().stream()
                    .mapToInt(name -> depth(object.properties().get(name))).max().orElse(0);
            case Schema.ArraySchema array -> array.minItems() == 0 ? 1 : 1 + depth(array.items());
            case Schema.AnyOfSchema anyOf -> anyOf.options().stream().mapToInt(this::depth).min().orElseThrow();
            case Schema.Unexpanded unexpanded -> NONE;
            default -> 0;
        };
        depth = Math.min(depth, NONE);
        depths.put(schema, depth);
        return depth;
    }
}
