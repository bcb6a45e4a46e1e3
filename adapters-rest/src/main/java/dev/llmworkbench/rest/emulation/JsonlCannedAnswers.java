package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.port.CannedAnswerFiles;
import dev.llmworkbench.domain.emulation.CannedAnswer;
import dev.llmworkbench.domain.gateway.ModelPattern;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Canned answers from a JSONL file, one {@code {"model": "gpt-4o*", "content": "..."}} per line; blank lines are skipped. */
public class JsonlCannedAnswers implements CannedAnswerFiles {
    /** A canned-answers file is read whole into memory, so it is bounded. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    @Override
    public List<CannedAnswer> read(String path) {
        List<String> lines;
        try {
            Path file = Path.of(path);
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("the file " + path + " is larger than " + MAX_BYTES + " bytes");
            }
            lines = Files.readAllLines(file);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("cannot read the file " + path);
        }
        List<CannedAnswer> answers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                answers.add(answer(lines.get(i), i + 1));
            }
        }
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("the file " + path + " holds no answers");
        }
        return answers;
    }

    private static CannedAnswer answer(String line, int number) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonObject object = reader.readObject();
            if (object.get("model") instanceof JsonString model && object.get("content") instanceof JsonString content) {
                return new CannedAnswer(new ModelPattern(model.getString()), content.getString());
            }
        } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
            // worded below, with the line's number
        }
        throw new IllegalArgumentException("line " + number + " is not {\"model\": \"<id or glob>\", \"content\": \"...\"}");
    }
}
