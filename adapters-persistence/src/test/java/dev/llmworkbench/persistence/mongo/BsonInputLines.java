package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.domain.batch.InputLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * Batch input lines (JSONL) read with the BSON library's JSON parser: the REST adapter's reader is out of this
 * module's reach, and these tests need real request lines, not a format of their own.
 */
final class BsonInputLines implements InputLines {
    @Override
    public void read(InputStream in, Optional<String> model, Consumer<InputLine> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (!text.isBlank()) {
                sink.accept(line(number, text, model));
            }
        }
    }

    @Override
    public Optional<String> firstUrl(InputStream in) throws IOException {
        String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return first == null ? Optional.empty() : Optional.ofNullable(Document.parse(first).getString("url"));
    }

    private static InputLine line(int number, String text, Optional<String> model) {
        Document request;
        try {
            request = Document.parse(text);
        } catch (JsonParseException notJson) {
            return new InputLine.Unparsable(number);
        }
        Document body = request.get("body", Document.class);
        model.ifPresent(used -> body.put("model", used));
        return new InputLine.Request(number, Optional.ofNullable(request.getString("custom_id")),
                Optional.ofNullable(request.getString("method")), Optional.ofNullable(request.getString("url")),
                Optional.of(body.toJson()), Optional.ofNullable(body.getString("model")));
    }
}
