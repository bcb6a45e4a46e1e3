package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Responses API settings the response reports back, checked as OpenAI checks them: each becomes
 * the JSON text of its response field (OpenAI's default when absent).
 */
final class ResponseEcho {
    // One provider for the application: JsonProvider.provider() runs a ServiceLoader lookup per call.
    static final JsonProvider JSON = JsonProvider.provider();

    private static final List<String> EFFORTS = List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");
    private static final List<String> SUMMARIES = List.of("auto", "concise", "detailed");
    private static final List<String> VERBOSITIES = List.of("low", "medium", "high");
    private static final int MAX_METADATA_KEYS = 16;

    private ResponseEcho() {
    }

    static Map<String, String> read(JsonFields body) {
        Map<String, String> echo = new HashMap<>();
        echo.put("temperature", String.valueOf(body.optNumber("temperature", 0, 2).orElse(1.0)));
        echo.put("top_p", String.valueOf(body.optNumber("top_p", 0, 1).orElse(1.0)));
        echo.put("parallel_tool_calls", String.valueOf(body.optBoolean("parallel_tool_calls").orElse(true)));
        echo.put("truncation", quoted(oneOf(body, "truncation", List.of("auto", "disabled")).orElse("disabled")));
        // OpenAI reports the tier that served the request: "auto" is served by the default tier.
        String tier = oneOf(body, "service_tier", List.of("auto", "default", "flex", "scale", "priority")).orElse("auto");
        echo.put("service_tier", quoted(tier.equals("auto") ? "default" : tier));
        echo.put("metadata", metadata(body));
        echo.put("reasoning", reasoning(body));
        echo.put("text", text(body));
        body.optInt("top_logprobs").ifPresent(top -> {
            if (top < 0 || top > 20) {
                throw ApiException.invalid("top_logprobs", "Invalid 'top_logprobs': expected an integer from 0 to 20, but got " + top + " instead.");
            }
        });
        body.optString("user");
        body.optString("safety_identifier");
        body.optString("prompt_cache_key");
        oneOf(body, "prompt_cache_retention", List.of("in_memory", "24h"));
        body.optInt("max_tool_calls");
        body.optArray("include");
        body.optObject("stream_options").ifPresent(options -> options.only(Set.of("include_obfuscation")).optBoolean("include_obfuscation"));
        return echo;
    }

    static String quoted(String text) {
        return JSON.createValue(text).toString();
    }

    private static Optional<String> oneOf(JsonFields fields, String name, List<String> allowed) {
        Optional<String> value = fields.optString(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.invalid(fields.path(name), "Invalid value: '" + ApiException.excerpt(value.get(), 40)
                    + "'. Supported values are: " + String.join(", ", allowed.stream().map(v -> "'" + v + "'").toList()) + ".");
        }
        return value;
    }

    /** OpenAI's metadata: at most 16 keys of up to 64 characters, string values of up to 512. */
    private static String metadata(JsonFields body) {
        JsonFields metadata = body.optObject("metadata").orElse(null);
        if (metadata == null) {
            return "{}";
        }
        if (metadata.raw().size() > MAX_METADATA_KEYS) {
            throw ApiException.invalid("metadata", "Invalid 'metadata': too many properties. Expected an object with at most "
                    + MAX_METADATA_KEYS + " properties, but got " + metadata.raw().size() + " instead.");
        }
        for (Map.Entry<String, JsonValue> entry : metadata.raw().entrySet()) {
            String param = metadata.path(entry.getKey());
            if (entry.getKey().length() > 64) {
                throw ApiException.invalid(param, "Invalid 'metadata': keys may be at most 64 characters long.");
            }
            if (!(entry.getValue() instanceof JsonString value)) {
                throw JsonFields.wrongType(param, "a string", entry.getValue());
            }
            if (value.getString().length() > 512) {
                throw ApiException.invalid(param, "Invalid 'metadata': values may be at most 512 characters long.");
            }
        }
        return metadata.raw().toString();
    }

    /** {@code reasoning.effort} is accepted for any model; the emulator reasons with no tokens. */
    private static String reasoning(JsonFields body) {
        JsonObjectBuilder echo = JSON.createObjectBuilder();
        JsonFields reasoning = body.optObject("reasoning").orElse(null);
        String effort = null;
        String summary = null;
        if (reasoning != null) {
            reasoning.only(Set.of("effort", "summary", "generate_summary", "mode", "context"));
            effort = oneOf(reasoning, "effort", EFFORTS).orElse(null);
            summary = oneOf(reasoning, "summary", SUMMARIES).or(() -> oneOf(reasoning, "generate_summary", SUMMARIES)).orElse(null);
        }
        return echo.add("effort", effort == null ? JsonValue.NULL : JSON.createValue(effort))
                .add("summary", summary == null ? JsonValue.NULL : JSON.createValue(summary)).build().toString();
    }

    /** {@code text} as given ({@link OutputFormatReader} checks its format), with OpenAI's defaults. */
    private static String text(JsonFields body) {
        JsonFields text = body.optObject("text").orElse(null);
        String verbosity = "medium";
        JsonValue format = JSON.createObjectBuilder().add("type", "text").build();
        if (text != null) {
            text.only(Set.of("format", "verbosity"));
            verbosity = oneOf(text, "verbosity", VERBOSITIES).orElse(verbosity);
            format = text.optObject("format").map(JsonFields::raw).map(JsonValue.class::cast).orElse(format);
        }
        return JSON.createObjectBuilder().add("format", format).add("verbosity", verbosity).build().toString();
    }

    /** The tools as the Responses API reports them: every function tool with its required fields. */
    static String tools(JsonArray tools) {
        var echo = JSON.createArrayBuilder();
        for (JsonValue tool : tools) {
            var function = tool.asJsonObject();
            echo.add(JSON.createObjectBuilder().add("type", "function").add("name", function.getString("name"))
                    .add("description", function.getOrDefault("description", JsonValue.NULL))
                    .add("parameters", function.getOrDefault("parameters", JsonValue.NULL))
                    .add("strict", function.getOrDefault("strict", JsonValue.TRUE)));
        }
        return echo.build().toString();
    }
}
