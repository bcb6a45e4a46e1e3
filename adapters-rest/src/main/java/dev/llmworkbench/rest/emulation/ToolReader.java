package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code tools}, {@code tool_choice} and assistant {@code tool_calls}. */
final class ToolReader {
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ToolReader() {
    }

    static List<ToolDefinition> tools(JsonFields body) {
        JsonArray array = body.optArray("tools").orElse(JsonValue.EMPTY_JSON_ARRAY);
        List<ToolDefinition> tools = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields tool = JsonFields.element(array, i, body.path("tools"));
            String type = tool.requireString("type");
            if (!"function".equals(type)) {
                throw ApiException.invalid(tool.path("type"), "Tools of type '" + type + "' are not supported by the emulator; use 'function'.");
            }
            tools.add(function(tool.only(Set.of("type", "function")).requireObject("function")
                    .only(Set.of("name", "description", "parameters", "strict"))));
        }
        return tools;
    }

    /**
     * A function's {@code name}, {@code description}, {@code parameters} and {@code strict}: nested in
     * chat's tools, flat in the Responses API's.
     */
    static ToolDefinition function(JsonFields function) {
        String name = name(function);
        JsonFields parameters = function.optObject("parameters").orElse(null);
        if (parameters != null && function.optBoolean("strict").orElse(false)) {
            StrictSchemaRules.check(parameters.raw(), "function '" + ApiException.excerpt(name, 64) + "'", function.path("parameters"));
        }
        Schema.ObjectSchema schema = parameters == null
                ? new Schema.ObjectSchema("", Map.of(), List.of())
                : asObject(SchemaReader.read(parameters.raw(), function.path("parameters")), function.path("parameters"));
        return new ToolDefinition(name, function.optString("description").orElse(""), schema);
    }

    /** OpenAI's rule for function names: a-z, A-Z, 0-9, underscores and dashes, 1 to 64 of them. */
    private static String name(JsonFields function) {
        String name = function.requireString("name");
        String param = function.path("name");
        if (name.isEmpty()) {
            throw new ApiException(400, "invalid_request_error", "Invalid '" + param
                    + "': empty string. Expected a string with minimum length 1, but got an empty string instead.", param, "empty_string");
        }
        if (name.length() > 64 || !FUNCTION_NAME.matcher(name).matches()) {
            throw new ApiException(400, "invalid_request_error", "Invalid '" + param + "': string does not match pattern. "
                    + "Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.", param, "invalid_value");
        }
        return name;
    }

    static ToolChoice choice(JsonFields body) {
        Optional<ToolChoice> mode = mode(body);
        if (mode.isPresent()) {
            return mode.get();
        }
        JsonFields choice = body.requireObject("tool_choice");
        String type = choice.requireString("type");
        return switch (type) {
            case "function" -> new ToolChoice.Function(choice.requireObject("function").requireString("name"));
            case "allowed_tools" -> "required".equals(choice.requireObject("allowed_tools").requireString("mode"))
                    ? new ToolChoice.Required() : new ToolChoice.Auto();
            default -> throw ApiException.invalid(choice.path("type"), "Invalid value: '" + ApiException.excerpt(type, 40)
                    + "'. Supported values are: 'function' and 'allowed_tools'.");
        };
    }

    /**
     * {@code tool_choice} when absent (auto) or given as a mode, the same in chat and the Responses API;
     * empty when it is an object, whose shape differs between the two.
     */
    static Optional<ToolChoice> mode(JsonFields body) {
        JsonValue value = body.get("tool_choice");
        if (value == null) {
            return Optional.of(new ToolChoice.Auto());
        }
        if (!(value instanceof JsonString mode)) {
            return Optional.empty();
        }
        return Optional.of(switch (mode.getString()) {
            case "none" -> new ToolChoice.None();
            case "auto" -> new ToolChoice.Auto();
            case "required" -> new ToolChoice.Required();
            default -> throw ApiException.invalid(body.path("tool_choice"), "Invalid value: '" + ApiException.excerpt(mode.getString(), 40)
                    + "'. Supported values are: 'none', 'auto' and 'required'.");
        });
    }

    static List<ToolCall> calls(JsonFields message) {
        JsonArray array = message.optArray("tool_calls").orElse(JsonValue.EMPTY_JSON_ARRAY);
        List<ToolCall> calls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields call = JsonFields.element(array, i, message.path("tool_calls"));
            JsonFields function = call.requireObject("function");
            calls.add(new ToolCall(call.requireString("id"), function.requireString("name"), function.requireString("arguments")));
        }
        return calls;
    }

    /** Arguments are an object: of a root {@code anyOf}/{@code oneOf}, the first object option is the one generated. */
    private static Schema.ObjectSchema asObject(Schema schema, String path) {
        if (schema instanceof Schema.ObjectSchema object) {
            return object;
        }
        if (schema instanceof Schema.AnyOfSchema anyOf) {
            for (Schema option : anyOf.options()) {
                if (option instanceof Schema.ObjectSchema object) {
                    return object;
                }
            }
        }
        throw ApiException.invalid(path, "Invalid schema for function parameters: the schema must be of type 'object'.");
    }
}
