package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import dev.llmworkbench.rest.RequestArguments;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code POST /v1/responses} body into the domain's request, naming any bad field. */
final class ResponseRequestReader {
    /** Every argument of OpenAI's CreateResponse with its JSON types; anything else is rejected as OpenAI does. */
    static final RequestArguments ARGUMENTS = RequestArguments.builder()
            .add(JsonKind.STRING, "model", "input", "instructions", "previous_response_id", "prompt_cache_key", "prompt_cache_retention",
                    "safety_identifier", "service_tier", "truncation", "user", "tool_choice", "conversation")
            .add(JsonKind.INTEGER, "max_output_tokens", "max_tool_calls", "top_logprobs")
            .add(JsonKind.NUMBER, "temperature", "top_p")
            .add(JsonKind.BOOLEAN, "background", "parallel_tool_calls", "store", "stream")
            .add(JsonKind.ARRAY, "input", "include", "tools", "context_management")
            .add(JsonKind.OBJECT, "metadata", "moderation", "prompt", "prompt_cache_options", "reasoning", "stream_options", "text",
                    "tool_choice", "conversation")
            .build();

    /** Arguments that would change what the emulator must do in ways it does not emulate: refused, not ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("conversation", "prompt", "context_management", "moderation");

    private ResponseRequestReader() {
    }

    static ResponseRequest read(JsonFields body) {
        ARGUMENTS.check(body);
        String model = body.requireString("model");
        for (String name : UNSUPPORTED) {
            if (body.has(name)) {
                throw ApiException.invalid(name, "'" + name + "' is not supported by the emulator.");
            }
        }
        if (body.optBoolean("background").orElse(false)) {
            throw ApiException.invalid("background", "Background responses are not supported by the emulator.");
        }
        body.optObject("prompt_cache_options");
        OutputFormat format = body.optObject("text").map(text -> OutputFormatReader.readTextFormat(text, "format"))
                .orElse(new OutputFormat.Text());
        Map<String, String> echo = new HashMap<>(ResponseEcho.read(body));
        JsonArray tools = body.optArray("tools").orElse(JsonValue.EMPTY_JSON_ARRAY);
        List<ToolDefinition> definitions = tools(tools);
        echo.put("tools", ResponseEcho.tools(tools));
        JsonValue choice = body.get("tool_choice");
        echo.put("tool_choice", choice == null ? ResponseEcho.quoted("auto") : choice.toString());
        return new ResponseRequest(model, body.optString("instructions"), ResponseInputReader.input(body), body.optInt("max_output_tokens"),
                definitions, choice(body), body.optBoolean("parallel_tool_calls").orElse(true), format, body.optString("previous_response_id"),
                body.optBoolean("store").orElse(true), echo);
    }

    /** Function tools, flat as the Responses API writes them: {@code {"type":"function","name",...}}. */
    private static List<ToolDefinition> tools(JsonArray array) {
        List<ToolDefinition> tools = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields tool = JsonFields.element(array, i, "tools");
            String type = tool.requireString("type");
            if (!"function".equals(type)) {
                throw ApiException.invalid(tool.path("type"), "Tools of type '" + ApiException.excerpt(type, 40)
                        + "' are not supported by the emulator; use 'function'.");
            }
            tools.add(ToolReader.function(tool.only(Set.of("type", "name", "description", "parameters", "strict", "output_schema",
                    "defer_loading", "allowed_callers"))));
        }
        return tools;
    }

    private static ToolChoice choice(JsonFields body) {
        Optional<ToolChoice> mode = ToolReader.mode(body);
        if (mode.isPresent()) {
            return mode.get();
        }
        JsonFields choice = body.requireObject("tool_choice");
        String type = choice.requireString("type");
        return switch (type) {
            case "function" -> new ToolChoice.Function(choice.only(Set.of("type", "name")).requireString("name"));
            case "allowed_tools" -> "required".equals(choice.only(Set.of("type", "mode", "tools")).requireString("mode"))
                    ? new ToolChoice.Required() : new ToolChoice.Auto();
            default -> throw ApiException.invalid(choice.path("type"), "Tool choices of type '" + ApiException.excerpt(type, 40)
                    + "' are not supported by the emulator; use 'function' or 'allowed_tools'.");
        };
    }
}
