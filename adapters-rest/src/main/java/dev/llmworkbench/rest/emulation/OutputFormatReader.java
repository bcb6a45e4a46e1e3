package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the format the answer must take: chat's {@code response_format}
 * ({@code {"type":"json_schema","json_schema":{"name","schema","strict","description"}}}) and the
 * Responses API's {@code text.format}, which has the same fields without the nesting.
 */
public final class OutputFormatReader {
    private static final Set<String> SCHEMA_FIELDS = Set.of("name", "description", "schema", "strict");
    private static final Set<String> TEXT_FORMAT_FIELDS = Set.of("type", "name", "description", "schema", "strict");

    private OutputFormatReader() {
    }

    /** Chat completions: the object field {@code name} of {@code parent} (usually {@code response_format}); text when absent. */
    public static OutputFormat read(JsonFields parent, String name) {
        Optional<JsonFields> present = parent.optObject(name);
        if (present.isEmpty()) {
            return new OutputFormat.Text();
        }
        JsonFields format = present.get();
        return switch (type(format)) {
            case "json_schema" -> jsonSchema(format.only(Set.of("type", "json_schema")).requireObject("json_schema").only(SCHEMA_FIELDS),
                    "response_format", parent.path(name));
            case "json_object" -> typeOnly(format, new OutputFormat.JsonObject());
            default -> typeOnly(format, new OutputFormat.Text());
        };
    }

    /** Responses API: the object field {@code name} of {@code parent} (usually {@code format} of {@code text}); text when absent. */
    public static OutputFormat readTextFormat(JsonFields parent, String name) {
        Optional<JsonFields> present = parent.optObject(name);
        if (present.isEmpty()) {
            return new OutputFormat.Text();
        }
        JsonFields format = present.get();
        return switch (type(format)) {
            case "json_schema" -> jsonSchema(format.only(TEXT_FORMAT_FIELDS), "text.format", parent.path(name));
            case "json_object" -> typeOnly(format, new OutputFormat.JsonObject());
            default -> typeOnly(format, new OutputFormat.Text());
        };
    }

    private static String type(JsonFields format) {
        String type = format.requireString("type");
        if (!List.of("text", "json_object", "json_schema").contains(type)) {
            throw ApiException.invalid(format.path("type"), "Invalid value: '" + ApiException.excerpt(type, 40)
                    + "'. Supported values are: 'text', 'json_object' and 'json_schema'.");
        }
        return type;
    }

    private static OutputFormat typeOnly(JsonFields format, OutputFormat read) {
        format.only(Set.of("type"));
        return read;
    }

    /** @param owner how OpenAI's messages name the format: {@code response_format} or {@code text.format} */
    private static OutputFormat.JsonSchema jsonSchema(JsonFields fields, String owner, String formatPath) {
        String name = fields.requireString("name");
        boolean strict = fields.optBoolean("strict").orElse(false);
        String description = fields.optString("description").orElse("");
        Optional<JsonFields> schemaFields = fields.optObject("schema");
        if (strict && schemaFields.isPresent()) {
            StrictSchemaRules.check(schemaFields.get().raw(), owner + " '" + ApiException.excerpt(name, 64) + "'", formatPath);
        }
        // no schema: any JSON object
        Schema schema = schemaFields.map(s -> SchemaReader.read(s.raw(), fields.path("schema")))
                .orElse(new Schema.ObjectSchema("", Map.of(), List.of()));
        try {
            return new OutputFormat.JsonSchema(name, description, schema, strict);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(fields.path("name"), e.getMessage());
        }
    }
}
