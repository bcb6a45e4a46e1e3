package dev.llmworkbench.rest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.domain.batch.InputLine;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonlInputLinesTest {
    // The first request of OpenAI's batch guide's example input file.
    private static final String GUIDE_LINE = "{\"custom_id\": \"request-1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", "
            + "\"body\": {\"model\": \"gpt-3.5-turbo-0125\", \"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"},"
            + "{\"role\": \"user\", \"content\": \"Hello world!\"}],\"max_tokens\": 1000}}";

    private static List<InputLine> read(String file, Optional<String> model) throws IOException {
        List<InputLine> lines = new ArrayList<>();
        new JsonlInputLines().read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), model, lines::add);
        return lines;
    }

    @Test
    void readsTheGuidesRequestLine() throws IOException {
        InputLine.Request request = (InputLine.Request) read(GUIDE_LINE + "\n", Optional.empty()).getFirst();
        assertEquals(1, request.line());
        assertEquals(Optional.of("request-1"), request.customId());
        assertEquals(Optional.of("POST"), request.method());
        assertEquals(Optional.of("/v1/chat/completions"), request.url());
        assertEquals(Optional.of("gpt-3.5-turbo-0125"), request.model());
        assertEquals(1000, Json.createReader(new StringReader(request.body().orElseThrow())).readObject().getInt("max_tokens"));
    }

    @Test
    void metadataModelReplacesTheBodysModelAndNothingElse() throws IOException {
        InputLine.Request request = (InputLine.Request) read(GUIDE_LINE, Optional.of("google/gemma-3-4b-it")).getFirst();
        assertEquals(Optional.of("google/gemma-3-4b-it"), request.model());
        var body = Json.createReader(new StringReader(request.body().orElseThrow())).readObject();
        assertEquals("google/gemma-3-4b-it", body.getString("model"));
        assertEquals(2, body.getJsonArray("messages").size());
    }

    @Test
    void linesAreNumberedAsInTheFileAndBadOnesAreMarkedUnparsable() throws IOException {
        List<InputLine> lines = read(GUIDE_LINE + "\n\n{not json\n[1,2]\n{\"custom_id\":7,\"body\":\"text\"}\n", Optional.empty());
        assertEquals(List.of(1, 3, 4, 5), lines.stream().map(InputLine::line).toList());
        assertEquals(new InputLine.Unparsable(3), lines.get(1));
        assertEquals(new InputLine.Unparsable(4), lines.get(2));
        assertEquals(new InputLine.Request(5, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                lines.get(3));
    }

    @Test
    void theFirstUrlNamesTheEndpointOfABatchCreatedWithoutOne() throws IOException {
        assertEquals(Optional.of("/v1/chat/completions"), new JsonlInputLines().firstUrl(
                new ByteArrayInputStream(("\n" + GUIDE_LINE).getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.empty(), new JsonlInputLines().firstUrl(new ByteArrayInputStream(new byte[0])));
    }
}
