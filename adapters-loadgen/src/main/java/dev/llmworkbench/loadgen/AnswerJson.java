package dev.llmworkbench.loadgen;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the parts of an OpenAI answer the generator measures: the first choice's text and the {@code usage}, under
 * the names each API gives them. Anything that is not an object where OpenAI has one makes the body bad, never an
 * exception.
 */
final class AnswerJson {

    // One factory for the whole generator: Json.createReader looks the provider up on every call.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private AnswerJson() {
    }

    static Optional<JsonObject> parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A streamed chunk's {@code choices[0].delta.content}, or a whole answer's {@code choices[0].message.content}. */
    static String content(JsonObject answer, String holder) {
        if (firstChoice(answer) instanceof JsonObject choice && choice.get(holder) instanceof JsonObject message
                && message.get("content") instanceof JsonString content) {
            return content.getString();
        }
        return "";
    }

    /** A completions chunk's or answer's {@code choices[0].text}. */
    static String text(JsonObject answer) {
        return firstChoice(answer) instanceof JsonObject choice && choice.get("text") instanceof JsonString text
                ? text.getString() : "";
    }

    /** True when the object is shaped like an answer: it has choices, or it is the usage-only last chunk. */
    static boolean isAnswer(JsonObject answer) {
        return answer.get("choices") instanceof JsonArray && !answer.containsKey("error");
    }

    /** Chat's and completions' {@code usage}: {@code prompt_tokens} and {@code completion_tokens}. */
    static Optional<Usage> usage(JsonObject answer) {
        if (answer.get("usage") instanceof JsonObject usage) {
            OptionalInt prompt = count(usage, "prompt_tokens");
            OptionalInt completion = count(usage, "completion_tokens");
            if (prompt.isPresent() && completion.isPresent()) {
                return Optional.of(new Usage(prompt.getAsInt(), completion.getAsInt()));
            }
        }
        return Optional.empty();
    }

    /** The {@code usage} of a Responses API event's {@code response}: {@code input_tokens} and {@code output_tokens}. */
    static Optional<Usage> responseUsage(JsonObject event) {
        if (event.get("response") instanceof JsonObject response && response.get("usage") instanceof JsonObject usage) {
            OptionalInt input = count(usage, "input_tokens");
            OptionalInt output = count(usage, "output_tokens");
            if (input.isPresent() && output.isPresent()) {
                return Optional.of(new Usage(input.getAsInt(), output.getAsInt()));
            }
        }
        return Optional.empty();
    }

    /** An embeddings answer's {@code usage.prompt_tokens}; an embedding has no output tokens. */
    static Optional<Usage> embeddingUsage(JsonObject answer) {
        if (answer.get("usage") instanceof JsonObject usage) {
            OptionalInt prompt = count(usage, "prompt_tokens");
            if (prompt.isPresent()) {
                return Optional.of(new Usage(prompt.getAsInt(), 0));
            }
        }
        return Optional.empty();
    }

    /** The string {@code key} of an object, or empty when it is absent or not a string. */
    static Optional<String> string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static JsonValue firstChoice(JsonObject answer) {
        return answer.get("choices") instanceof JsonArray choices && !choices.isEmpty() ? choices.get(0) : null;
    }

    private static OptionalInt count(JsonObject usage, String key) {
        return usage.get(key) instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 0
                ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
    }
}
