package dev.llmworkbench.loadgen;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * The JSON body of one chat completion request. A streamed request asks for usage in its last chunk
 * ({@code stream_options.include_usage}), so token counts come from the server whenever it can give them.
 */
final class ChatBody {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private ChatBody() {
    }

    static byte[] of(ChatCall call) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(call.prompt().length() + 160);
        try (JsonGenerator json = GENERATORS.createGenerator(bytes)) {
            json.writeStartObject()
                    .write("model", call.model())
                    .writeStartArray("messages")
                    .writeStartObject().write("role", "user").write("content", call.prompt()).writeEnd()
                    .writeEnd()
                    .write("max_tokens", call.maxTokens())
                    .write("stream", call.stream());
            if (call.stream()) {
                json.writeStartObject("stream_options").write("include_usage", true).writeEnd();
            }
            json.writeEnd();
        }
        return bytes.toByteArray();
    }
}
