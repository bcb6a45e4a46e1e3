package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chat arguments that change nothing the emulator generates but are still checked as OpenAI
 * checks them: the output modality, reasoning effort, service tier, verbosity, predicted output,
 * metadata and prompt cache retention. Type checks come first, from {@link ChatRequestReader#ARGUMENTS}.
 */
final class ChatOptions {
    static final List<String> SERVICE_TIERS = List.of("auto", "default", "flex", "scale", "priority");
    static final List<String> REASONING_EFFORTS = List.of("none", "minimal", "low", "medium", "high", "xhigh");
    /** OpenAI's families without reasoning; ids outside OpenAI's (a local model) may take the argument, as vLLM's do. */
    private static final List<String> NON_REASONING_PREFIXES = List.of("gpt-3.5", "gpt-35", "gpt-4", "chatgpt-4o", "gpt-5-chat");
    private static final int METADATA_PAIRS = 16;
    private static final int METADATA_KEY_CHARS = 64;
    private static final int METADATA_VALUE_CHARS = 512;

    private ChatOptions() {
    }

    /** @return the service tier the answer reports: the one asked for, with {@code auto} served as {@code default} */
    static String check(JsonFields body, String model) {
        modalities(body);
        if (body.has("audio")) {
            throw unsupported(body.path("audio"), "Audio output is not supported by the emulator: it answers text only.");
        }
        body.optString("reasoning_effort").ifPresent(effort -> {
            oneOf(body.path("reasoning_effort"), effort, REASONING_EFFORTS);
            if (NON_REASONING_PREFIXES.stream().anyMatch(model::startsWith)) {
                throw unsupported("reasoning_effort", "Unsupported parameter: 'reasoning_effort' is not supported with this model.");
            }
        });
        body.optString("verbosity").ifPresent(v -> oneOf(body.path("verbosity"), v, List.of("low", "medium", "high")));
        body.optString("prompt_cache_retention").ifPresent(r -> oneOf(body.path("prompt_cache_retention"), r, List.of("in_memory", "24h")));
        body.optObject("prediction").ifPresent(ChatOptions::prediction);
        body.optObject("metadata").ifPresent(ChatOptions::metadata);
        String tier = body.optString("service_tier").orElse("auto");
        oneOf(body.path("service_tier"), tier, SERVICE_TIERS);
        return tier.equals("auto") ? "default" : tier;
    }

    private static void modalities(JsonFields body) {
        JsonArray modalities = body.optArray("modalities").orElse(JsonValue.EMPTY_JSON_ARRAY);
        for (int i = 0; i < modalities.size(); i++) {
            String param = body.path("modalities") + "[" + i + "]";
            if (!(modalities.get(i) instanceof JsonString modality)) {
                throw JsonFields.wrongType(param, "a string", modalities.get(i));
            }
            oneOf(param, modality.getString(), List.of("text", "audio"));
            if (modality.getString().equals("audio")) {
                throw unsupported(param, "Audio output is not supported by the emulator: use \"modalities\": [\"text\"].");
            }
        }
    }

    /** {@code {"type": "content", "content": string | [{"type": "text", "text": ...}]}} */
    private static void prediction(JsonFields prediction) {
        prediction.only(Set.of("type", "content"));
        oneOf(prediction.path("type"), prediction.requireString("type"), List.of("content"));
        JsonValue content = prediction.get("content");
        if (content == null) {
            throw ApiException.invalid(prediction.path("content"), "Missing required parameter: '" + prediction.path("content") + "'.");
        }
        if (content instanceof JsonArray parts) {
            for (int i = 0; i < parts.size(); i++) {
                JsonFields part = JsonFields.element(parts, i, prediction.path("content")).only(Set.of("type", "text"));
                oneOf(part.path("type"), part.requireString("type"), List.of("text"));
                part.requireString("text");
            }
        } else if (!(content instanceof JsonString)) {
            throw JsonFields.wrongType(prediction.path("content"), "a string or an array of text parts", content);
        }
    }

    /** OpenAI's limits: 16 pairs, keys up to 64 characters, string values up to 512. */
    private static void metadata(JsonFields metadata) {
        if (metadata.raw().size() > METADATA_PAIRS) {
            throw ApiException.invalid(metadata.path(), "Invalid 'metadata': too many properties. Expected an object with at most "
                    + METADATA_PAIRS + " properties, but got " + metadata.raw().size() + " instead.");
        }
        for (Map.Entry<String, JsonValue> pair : metadata.raw().entrySet()) {
            String param = metadata.path(pair.getKey());
            if (pair.getKey().length() > METADATA_KEY_CHARS) {
                throw ApiException.invalid(metadata.path(), "Invalid 'metadata': keys may have at most " + METADATA_KEY_CHARS + " characters.");
            }
            if (!(pair.getValue() instanceof JsonString value)) {
                throw JsonFields.wrongType(param, "a string", pair.getValue());
            }
            if (value.getString().length() > METADATA_VALUE_CHARS) {
                throw ApiException.invalid(param, "Invalid '" + param + "': string too long. Expected a string with maximum length "
                        + METADATA_VALUE_CHARS + ", but got a string with length " + value.getString().length() + " instead.");
            }
        }
    }

    static void oneOf(String param, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.invalid(param, "Invalid value: '" + ApiException.excerpt(value, 40) + "'. Supported values are: "
                    + String.join(", ", allowed.stream().map(a -> "'" + a + "'").toList()) + ".");
        }
    }

    private static ApiException unsupported(String param, String message) {
        return new ApiException(400, "invalid_request_error", message, param, "unsupported_parameter");
    }
}
