package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * The JSON body of one request, as its scenario's API takes it. Streamed chat and completions ask for usage in their
 * last chunk ({@code stream_options.include_usage}), so token counts come from the server whenever it can give them;
 * the Responses API always ends its stream with the usage. The output length is asked for under each API's own name,
 * and with {@code ignoreEos} also as vLLM's {@code min_tokens} and {@code ignore_eos}, so that a server that would
 * stop early at an end-of-sequence token still gives the length a step measures.
 */
final class RequestBody {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private RequestBody() {
    }

    static byte[] of(ChatCall call) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(call.prompt().length() + 240);
        try (JsonGenerator json = GENERATORS.createGenerator(bytes)) {
            json.writeStartObject().write("model", call.model());
            switch (call.scenario()) {
                case CHAT_COMPLETIONS, CHAT_COMPLETIONS_NONSTREAM -> chat(json, call);
                case COMPLETIONS -> completion(json, call);
                case EMBEDDINGS -> json.write("input", call.prompt());
                case RESPONSES -> response(json, call);
            }
            json.writeEnd();
        }
        return bytes.toByteArray();
    }

    /**
     * OpenAI's reasoning models (o1, o3, o4 and gpt-5 families) refuse {@code max_tokens} in chat completions and
     * take {@code max_completion_tokens} instead.
     */
    static String chatMaxTokensField(String model) {
        return model.startsWith("o1") || model.startsWith("o3") || model.startsWith("o4") || model.startsWith("gpt-5")
                ? "max_completion_tokens" : "max_tokens";
    }

    private static void chat(JsonGenerator json, ChatCall call) {
        json.writeStartArray("messages");
        switch (call.input()) {
            case RecordedPrompt.Text text -> MessagesJson.userMessage(json, text.prompt());
            case RecordedPrompt.Conversation conversation -> MessagesJson.chatMessages(json, conversation.messages());
        }
        json.writeEnd().write(chatMaxTokensField(call.model()), call.maxTokens());
        outputLength(json, call);
        streamWithUsage(json, call.stream());
    }

    private static void completion(JsonGenerator json, ChatCall call) {
        json.write("prompt", call.prompt()).write("max_tokens", call.maxTokens());
        outputLength(json, call);
        streamWithUsage(json, true);
    }

    private static void response(JsonGenerator json, ChatCall call) {
        switch (call.input()) {
            case RecordedPrompt.Text text -> json.write("input", text.prompt());
            case RecordedPrompt.Conversation conversation -> {
                json.writeStartArray("input");
                MessagesJson.responseMessages(json, conversation.messages());
                json.writeEnd();
            }
        }
        json.write("max_output_tokens", call.maxTokens());
        outputLength(json, call);
        json.write("stream", true);
    }

    private static void outputLength(JsonGenerator json, ChatCall call) {
        if (call.ignoreEos()) {
            json.write("min_tokens", call.maxTokens()).write("ignore_eos", true);
        }
    }

    private static void streamWithUsage(JsonGenerator json, boolean stream) {
        json.write("stream", stream);
        if (stream) {
            json.writeStartObject("stream_options").write("include_usage", true).writeEnd();
        }
    }
}
