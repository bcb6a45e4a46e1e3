package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.domain.batch.InputLine;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBody;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A batch input file read as JSON Lines with JSON-P, one line at a time: each line is parsed on its own, so a bad
 * line is reported by its number and the file is never held whole. Blank lines are skipped (a trailing newline
 * makes one) but still counted, so numbers are the file's own line numbers.
 */
public final class JsonlInputLines implements InputLines {
    @Override
    public void read(InputStream in, Optional<String> model, Consumer<InputLine> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (!text.isBlank()) {
                sink.accept(parse(number, text, model));
            }
        }
    }

    @Override
    public Optional<String> firstUrl(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            if (!text.isBlank()) {
                return parse(1, text, Optional.empty()) instanceof InputLine.Request request ? request.url() : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static InputLine parse(int number, String text, Optional<String> model) {
        JsonObject object;
        try {
            object = JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (ApiException notAnObject) {
            return new InputLine.Unparsable(number);
        }
        Optional<JsonObject> body = object.get("body") instanceof JsonObject b ? Optional.of(b) : Optional.empty();
        Optional<JsonObject> sent = body.map(b -> model.map(m -> Json.createObjectBuilder(b).add("model", m).build()).orElse(b));
        return new InputLine.Request(number, string(object.get("custom_id")), string(object.get("method")),
                string(object.get("url")), sent.map(JsonObject::toString), sent.flatMap(b -> string(b.get("model"))));
    }

    private static Optional<String> string(JsonValue value) {
        return value instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
