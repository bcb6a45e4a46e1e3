package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.domain.batch.InputLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Input lines in a test's own plain format, {@code custom_id url model} (a line {@code !} is not JSON), so the
 * runner's tests need no JSON library: the JSONL adapter is tested apart. The body is {@code {"model":"..."}}.
 */
final class TextInputLines implements InputLines {
    @Override
    public void read(InputStream in, Optional<String> model, Consumer<InputLine> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (text.equals("!")) {
                sink.accept(new InputLine.Unparsable(number));
            } else if (!text.isBlank()) {
                String[] parts = text.split(" ");
                String used = model.orElse(parts[2]);
                sink.accept(new InputLine.Request(number, Optional.of(parts[0]), Optional.of("POST"), Optional.of(parts[1]),
                        Optional.of("{\"model\":\"" + used + "\",\"line\":" + number + "}"), Optional.of(used)));
            }
        }
    }

    @Override
    public Optional<String> firstUrl(InputStream in) throws IOException {
        String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return first == null || first.equals("!") ? Optional.empty() : Optional.of(first.split(" ")[1]);
    }
}
