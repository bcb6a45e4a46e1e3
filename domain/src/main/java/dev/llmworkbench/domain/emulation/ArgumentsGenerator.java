package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.JsonText;
import dev.llmworkbench.domain.chat.Schema;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes function-call arguments as JSON text that validates against the function's parameters. */
public final class ArgumentsGenerator {
    private static final String[] STRINGS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
    private static final int MAX_DEPTH = 8;

    private ArgumentsGenerator() {
    }

    public static String generate(Schema.ObjectSchema parameters, long seed) {
        StringBuilder json = new StringBuilder();
        write(parameters, new SplittableRandom(seed), json, 0);
        return json.toString();
    }

    private static void write(Schema schema, SplittableRandom random, StringBuilder json, int depth) {
        switch (schema) {
            case Schema.ObjectSchema object -> {
                json.append('{');
                if (depth < MAX_DEPTH) {
                    String separator = "";
                    for (Map.Entry<String, Schema> property : object.properties().entrySet()) {
                        json.append(separator);
                        JsonText.quote(property.getKey(), json);
                        json.append(':');
                        write(property.getValue(), random, json, depth + 1);
                        separator = ",";
                    }
                }
                json.append('}');
            }
            case Schema.ArraySchema array -> {
                json.append('[');
                if (depth < MAX_DEPTH) {
                    write(array.items(), random, json, depth + 1);
                }
                json.append(']');
            }
            case Schema.StringSchema string -> JsonText.quote(string.enumValues().isEmpty()
                    ? STRINGS[random.nextInt(STRINGS.length)]
                    : string.enumValues().get(random.nextInt(string.enumValues().size())), json);
            case Schema.NumberSchema number -> json.append(number.integer()
                    ? String.valueOf(1 + random.nextInt(100))
                    : String.valueOf(Math.round(random.nextDouble() * 10000) / 100.0));
            case Schema.BooleanSchema bool -> json.append(random.nextBoolean());
            case Schema.EnumSchema values -> json.append(values.jsonValues().get(random.nextInt(values.jsonValues().size())));
            case Schema.AnyOfSchema anyOf -> write(anyOf.options().getFirst(), random, json, depth + 1);
            case Schema.NullSchema n -> json.append("null");
            case Schema.AnySchema any -> json.append("null");
            case Schema.Unexpanded cut -> json.append("null");
        }
    }
}
