package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.emulation.Logprobs;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import dev.llmworkbench.rest.RequestArguments;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads a {@code POST /v1/chat/completions} body into the domain's request, naming any bad field. */
final class ChatRequestReader {
    /** Every argument of OpenAI's CreateChatCompletionRequest with its JSON types; anything else is rejected as OpenAI does. */
    static final RequestArguments ARGUMENTS = RequestArguments.builder()
            .add(JsonKind.STRING, "model", "user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention", "service_tier",
                    "verbosity", "reasoning_effort", "stop", "tool_choice", "function_call")
            .add(JsonKind.INTEGER, "top_logprobs", "max_completion_tokens", "max_tokens", "n", "seed")
            .add(JsonKind.NUMBER, "temperature", "top_p", "frequency_penalty", "presence_penalty")
            .add(JsonKind.BOOLEAN, "store", "stream", "logprobs", "parallel_tool_calls")
            .add(JsonKind.ARRAY, "messages", "modalities", "stop", "tools", "functions")
            .add(JsonKind.OBJECT, "metadata", "prompt_cache_options", "web_search_options", "response_format", "audio", "moderation",
                    "logit_bias", "prediction", "stream_options", "tool_choice", "function_call")
            .build();

    private ChatRequestReader() {
    }

    /**
     * @param topLogprobs present when {@code logprobs} is true: how many most likely tokens to list for each
     * @param serviceTier the tier the answer reports
     */
    record Parsed(ChatRequest request, boolean includeUsage, OptionalInt topLogprobs, String serviceTier) {
    }

    static Parsed read(JsonFields body) {
        ARGUMENTS.check(body);
        String model = body.requireString("model");
        SamplingFields.check(body);
        String serviceTier = ChatOptions.check(body, model);
        OptionalInt topLogprobs = topLogprobs(body);
        OptionalInt maxTokens = positive(body, "max_completion_tokens");
        if (maxTokens.isEmpty()) {
            maxTokens = positive(body, "max_tokens");
        }
        boolean includeUsage = body.optObject("stream_options")
                .map(options -> options.only(Set.of("include_usage", "include_obfuscation")).optBoolean("include_usage").orElse(false))
                .orElse(false);
        ChatRequest request = new ChatRequest(model, messages(body), body.optInt("n").orElse(1), maxTokens,
                SamplingFields.stop(body), body.optLong("seed"), ToolReader.tools(body), ToolReader.choice(body),
                body.optBoolean("parallel_tool_calls").orElse(true), OutputFormatReader.read(body, "response_format"));
        if (request.outputFormat() instanceof OutputFormat.JsonObject && !mentionsJson(request.messages())) {
            throw ApiException.invalid("messages",
                    "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.");
        }
        return new Parsed(request, includeUsage, topLogprobs, serviceTier);
    }

    /** A token limit, checked under the name it was sent with. */
    private static OptionalInt positive(JsonFields body, String name) {
        OptionalInt limit = body.optInt(name);
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw ApiException.invalid(body.path(name), "Invalid '" + name + "': integer below minimum value. Expected a value >= 1, but got "
                    + limit.getAsInt() + " instead.");
        }
        return limit;
    }

    // OpenAI refuses JSON mode unless the conversation asks for JSON: otherwise the model may write whitespace until the limit.
    private static boolean mentionsJson(List<Message> messages) {
        return messages.stream().flatMap(message -> message.content().stream())
                .anyMatch(part -> part instanceof TextPart text && text.text().toLowerCase(Locale.ROOT).contains("json"));
    }

    private static OptionalInt topLogprobs(JsonFields body) {
        boolean logprobs = body.optBoolean("logprobs").orElse(false);
        OptionalInt top = body.optInt("top_logprobs");
        if (top.isPresent()) {
            if (top.getAsInt() < 0 || top.getAsInt() > Logprobs.MAX_TOP_CHAT) {
                throw ApiException.invalid("top_logprobs", "Invalid 'top_logprobs': expected an integer from 0 to "
                        + Logprobs.MAX_TOP_CHAT + ", but got " + top.getAsInt() + " instead.");
            }
            if (!logprobs) {
                throw ApiException.invalid("top_logprobs", "Invalid value for 'top_logprobs': 'logprobs' must be true when 'top_logprobs' is set.");
            }
        }
        return logprobs ? OptionalInt.of(top.orElse(0)) : OptionalInt.empty();
    }

    private static List<Message> messages(JsonFields body) {
        JsonArray array = body.requireArray("messages");
        List<Message> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(JsonFields.element(array, i, "messages")));
        }
        return messages;
    }

    private static Message message(JsonFields fields) {
        String roleName = fields.requireString("role");
        Role role = Role.fromWire(roleName).orElseThrow(() -> ApiException.invalid(fields.path("role"),
                "Invalid value: '" + roleName + "'. Supported values are: 'system', 'assistant', 'user', 'tool', 'function' and 'developer'."));
        fields.only(switch (role) {
            case SYSTEM, DEVELOPER, USER -> Set.of("role", "content", "name");
            case ASSISTANT -> Set.of("role", "content", "name", "tool_calls", "function_call", "refusal", "audio");
            case TOOL -> Set.of("role", "content", "tool_call_id");
            case FUNCTION -> Set.of("role", "content", "name");
        });
        if (role == Role.TOOL) {
            fields.requireString("tool_call_id");
        }
        if (role == Role.FUNCTION) {
            fields.requireString("name");
        }
        List<ToolCall> toolCalls = ToolReader.calls(fields);
        boolean contentOptional = role == Role.ASSISTANT || role == Role.FUNCTION;
        if (!fields.has("content") && !contentOptional) {
            throw ApiException.invalid(fields.path("content"), "Missing required parameter: '" + fields.path("content") + "'.");
        }
        return new Message(role, content(fields, role), fields.optString("name"), toolCalls);
    }

    private static List<ContentPart> content(JsonFields fields, Role role) {
        JsonValue content = fields.get("content");
        if (content == null) {
            return List.of();
        }
        if (content instanceof JsonString text) {
            return List.of(new TextPart(text.getString()));
        }
        if (!(content instanceof JsonArray parts)) {
            throw JsonFields.wrongType(fields.path("content"), "a string or an array of content parts", content);
        }
        List<ContentPart> result = new ArrayList<>(parts.size());
        for (int j = 0; j < parts.size(); j++) {
            result.add(part(JsonFields.element(parts, j, fields.path("content")), role));
        }
        return result;
    }

    private static ContentPart part(JsonFields part, Role role) {
        String type = part.requireString("type");
        return switch (type) {
            case "text" -> new TextPart(part.only(Set.of("type", "text")).requireString("text"));
            case "refusal" -> {
                if (role != Role.ASSISTANT) {
                    throw ApiException.invalid(part.path("type"), "Refusal parts are only allowed in assistant messages.");
                }
                yield new TextPart(part.only(Set.of("type", "refusal")).requireString("refusal"));
            }
            case "image_url" -> {
                if (role != Role.USER) {
                    throw ApiException.invalid(part.path("type"), "Image URLs are only allowed for messages with role 'user', but this message with role '" + role.wire() + "' contains an image URL.");
                }
                JsonFields image = part.only(Set.of("type", "image_url")).requireObject("image_url").only(Set.of("url", "detail"));
                String url = image.requireString("url");
                if (!(url.startsWith("data:") || url.startsWith("http://") || url.startsWith("https://"))) {
                    throw ApiException.invalid(image.path("url"), "Invalid image URL: expected a data: URL or an http(s) URL.");
                }
                Optional<String> detail = image.optString("detail");
                ImageDetail level = detail.map(d -> ImageDetail.fromWire(d).orElseThrow(() -> ApiException.invalid(image.path("detail"),
                        "Invalid value: '" + d + "'. Supported values are: 'low', 'high' and 'auto'."))).orElse(ImageDetail.AUTO);
                yield new ImagePart(url, level);
            }
            case "input_audio", "file" -> throw ApiException.invalid(part.path("type"),
                    "Content parts of type '" + type + "' are not supported by the emulator; use 'text' or 'image_url'.");
            default -> throw ApiException.invalid(part.path("type"), "Invalid value: '" + type
                    + "'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal' and 'file'.");
        };
    }

    static List<String> strings(JsonArray array, String path) {
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                throw JsonFields.wrongType(path + "[" + i + "]", "a string", array.get(i));
            }
            values.add(s.getString());
        }
        return values;
    }
}
