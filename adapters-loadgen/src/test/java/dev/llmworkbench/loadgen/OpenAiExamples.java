package dev.llmworkbench.loadgen;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer bodies copied from the examples of OpenAI's OpenAPI document (API 2.3.0, vendored in adapters-rest), kept
 * under {@code /openai/} in the test resources, so the answer readers are checked against OpenAI's shapes rather than
 * shapes written from memory. Two examples are not valid JSON in the document and were repaired as little as JSON
 * needs: the embedding's elided floats ("....") and the trailing comma they left, and the completions chunk's
 * missing and trailing commas.
 */
final class OpenAiExamples {

    private OpenAiExamples() {
    }

    /** An example object, on one line, as an SSE data line or a compact body carries it. */
    static String json(String name) {
        return object(name).toString();
    }

    static JsonObject object(String name) {
        try (JsonReader reader = Json.createReader(new StringReader(text(name)))) {
            return reader.readObject();
        }
    }

    /** The Responses API's streaming example as a list of SSE events, each its lines without the blank line. */
    static List<String> responseStream() {
        List<String> events = new ArrayList<>();
        for (String event : text("response-stream.txt").split("\n\n")) {
            if (!event.isBlank()) {
                events.add(event.strip());
            }
        }
        return events;
    }

    private static String text(String name) {
        try (InputStream in = OpenAiExamples.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/openai/" + name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
