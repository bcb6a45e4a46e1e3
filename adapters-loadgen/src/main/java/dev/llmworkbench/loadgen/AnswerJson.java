package dev.llmworkbench.loadgen;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of an OpenAI chat answer the generator measures: the first choice's text and the
 * {@code usage}. Anything that is not an object where OpenAI has one makes the body bad, never an exception.
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
        if (answer.get("choices") instanceof JsonArray choices && !choices.isEmpty()
                && choices.get(0) instanceof JsonObject choice
                && choice.get(holder) instanceof JsonObject message
                && message.get("content") instanceof JsonString content) {
            return content.getString();
        }
        return "";
    }

    /** True when the object is shaped like an answer: it has choices, or it is the usage-only last chunk. */
    static boolean isAnswer(JsonObject answer) {
        return answer.get("choices") instanceof JsonArray && !answer.containsKey("error");
    }

    static Optional<Usage> usage(JsonObject answer) {
        if (answer.get("usage") instanceof JsonObject usage
                && usage.get("prompt_tokens") instanceof JsonNumber prompt
                && usage.get("completion_tokens") instanceof JsonNumber completion
                && prompt.isIntegral() && completion.isIntegral()
                && prompt.intValue() >= 0 && completion.intValue() >= 0) {
            return Optional.of(new Usage(prompt.intValue(), completion.intValue()));
        }
        return Optional.empty();
    }
}
