package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import dev.llmworkbench.domain.gateway.Completion.UsageSource;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an answer as it passes through, for its row in the completion log: the completion id, the model that
 * answered, the content (for tool calls, the calls) and the token usage, from a whole JSON body or from the chunks of
 * a stream. It never holds the passing bytes back; a body past {@value #MAX_BODY_BYTES} bytes is logged without them.
 */
final class AnswerTally {
    static final int MAX_BODY_BYTES = 4 << 20;
    // One factory for the gateway: Json.createReader looks its provider up per call, a ServiceLoader search that
    // throws and catches a ClassNotFoundException under Liberty's OSGi loader, once per answer and per stream event.
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private final boolean stream;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final StringBuilder content = new StringBuilder();
    private String completionId;
    private String model;
    private TokenCounts tokens = TokenCounts.NONE;
    private JsonArray toolCalls;
    private boolean finished;
    private boolean overflowed;

    AnswerTally(boolean stream) {
        this.stream = stream;
    }

    void accept(byte[] bytes, int length) {
        if (overflowed) {
            return;
        }
        if (!stream) {
            pending.write(bytes, 0, length);
            overflowed = pending.size() > MAX_BODY_BYTES;
            return;
        }
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                line(pending.toString(StandardCharsets.UTF_8).strip());
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(bytes, start, length - start);
        overflowed = pending.size() > MAX_BODY_BYTES;
    }

    /** Reads a whole body once it is in; a stream's lines were read as they came. */
    void end() {
        if (!stream && !overflowed && pending.size() > 0) {
            object(pending.toString(StandardCharsets.UTF_8)).ifPresent(this::read);
        }
    }

    /**
     * Whether a stream reached its end: chat and text completions end with {@code data: [DONE]}, the Responses API
     * with a {@code response.completed}, {@code response.incomplete} or {@code response.failed} event.
     */
    boolean finished() {
        return finished;
    }

    Optional<String> completionId() {
        return Optional.ofNullable(completionId);
    }

    Optional<String> model() {
        return Optional.ofNullable(model);
    }

    Optional<String> content() {
        if (toolCalls != null) {
            return Optional.of(toolCalls.toString());
        }
        return content.isEmpty() ? Optional.empty() : Optional.of(content.toString());
    }

    TokenCounts tokens() {
        return tokens;
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
            finished = true;
            return;
        }
        object(data).ifPresent(this::read);
    }

    private void read(JsonObject event) {
        if (event.get("response") instanceof JsonObject response && event.get("type") instanceof JsonString type) {
            String name = type.getString();
            finished |= name.equals("response.completed") || name.equals("response.incomplete") || name.equals("response.failed");
            read(response);
            return;
        }
        if (event.get("type") instanceof JsonString type && type.getString().equals("response.output_text.delta")
                && event.get("delta") instanceof JsonString delta) {
            content.append(delta.getString());
        }
        if (event.get("id") instanceof JsonString id) {
            completionId = id.getString();
        }
        if (event.get("model") instanceof JsonString answered) {
            model = answered.getString();
        }
        if (event.get("usage") instanceof JsonObject usage) {
            TokenCounts reported = new TokenCounts(count(usage, "prompt_tokens", "input_tokens"),
                    count(usage, "completion_tokens", "output_tokens"), count(usage, "total_tokens", "total_tokens"), UsageSource.UPSTREAM);
            tokens = reported.isEmpty() ? TokenCounts.NONE : reported;
        }
        if (event.get("choices") instanceof JsonArray choices && !choices.isEmpty() && choices.get(0) instanceof JsonObject first) {
            choice(first);
        }
        if (!stream && event.get("output") instanceof JsonArray output) {
            output.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .filter(item -> item.get("content") instanceof JsonArray)
                    .flatMap(item -> item.getJsonArray("content").stream())
                    .filter(part -> part instanceof JsonObject p && p.get("text") instanceof JsonString)
                    .forEach(part -> content.append(((JsonObject) part).getString("text")));
        }
    }

    private void choice(JsonObject choice) {
        JsonValue message = stream ? choice.get("delta") : choice.get("message");
        if (message instanceof JsonObject m) {
            if (m.get("content") instanceof JsonString text) {
                content.append(text.getString());
            }
            if (m.get("tool_calls") instanceof JsonArray calls && !stream) {
                toolCalls = calls;
            }
        } else if (choice.get("text") instanceof JsonString text) {
            content.append(text.getString());
        }
    }

    private static OptionalInt count(JsonObject usage, String name, String alternative) {
        JsonValue value = usage.containsKey(name) ? usage.get(name) : usage.get(alternative);
        return value instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 0 ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    private static Optional<JsonObject> object(String json) {
        try {
            return READERS.createReader(new StringReader(json)).readValue() instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.empty();
        }
    }
}
