package dev.llmworkbench.domain.responses;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a {@code POST /v1/responses} asks for. {@code echo} holds the settings the emulator accepts
 * and reports back on the response without acting on them (temperature, top_p, metadata, text,
 * reasoning...), by response field name, as the JSON text the REST adapter wrote: the core carries
 * them to the store and back and never reads them.
 */
public record ResponseRequest(
        String model,
        Optional<String> instructions,
        List<ResponseItem> input,
        OptionalInt maxOutputTokens,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        boolean parallelToolCalls,
        OutputFormat outputFormat,
        Optional<String> previousResponseId,
        boolean store,
        Map<String, String> echo) {

    /** OpenAI rejects a smaller {@code max_output_tokens}. */
    public static final int MIN_OUTPUT_TOKENS = 16;

    public ResponseRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(instructions, "instructions");
        input = List.copyOf(input);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(previousResponseId, "previousResponseId");
        echo = Map.copyOf(echo);
        if (maxOutputTokens.isPresent() && maxOutputTokens.getAsInt() < MIN_OUTPUT_TOKENS) {
            throw new InvalidRequestException("max_output_tokens", "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= "
                    + MIN_OUTPUT_TOKENS + ", but got " + maxOutputTokens.getAsInt() + " instead.");
        }
        if (input.isEmpty() && instructions.isEmpty() && previousResponseId.isEmpty()) {
            throw new InvalidRequestException("input", "Missing required parameter: 'input'.");
        }
    }

    /**
     * The chat request the model answers: the instructions as a developer message (OpenAI: "equivalent
     * to a text input with the developer role"), then every earlier and new item of the conversation.
     */
    public ChatRequest chat(List<ResponseItem> conversation) {
        List<Message> messages = new ArrayList<>(conversation.size() + 1);
        instructions.ifPresent(text -> messages.add(Message.text(Role.DEVELOPER, text)));
        for (ResponseItem item : conversation) {
            messages.add(item.message());
        }
        if (outputFormat instanceof OutputFormat.JsonObject && !mentionsJson(messages)) {
            throw new InvalidRequestException("input",
                    "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.");
        }
        return new ChatRequest(model, messages, 1, maxOutputTokens, List.of(), OptionalLong.empty(), tools, toolChoice,
                parallelToolCalls, outputFormat);
    }

    // OpenAI: JSON mode without the word "json" in the input may generate whitespace until the limit, so it refuses.
    private static boolean mentionsJson(List<Message> messages) {
        return messages.stream().flatMap(message -> message.content().stream())
                .anyMatch(part -> part instanceof TextPart text && text.text().toLowerCase(Locale.ROOT).contains("json"));
    }
}
