package dev.llmworkbench.domain.chat;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a chat completion asks for, independent of how it is delivered (streamed or not).
 * {@code maxTokens} is {@code max_completion_tokens} or the older {@code max_tokens}.
 * {@code parallelToolCalls} is OpenAI's {@code parallel_tool_calls}, true unless the caller says otherwise.
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        int n,
        OptionalInt maxTokens,
        List<String> stop,
        OptionalLong seed,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        boolean parallelToolCalls,
        OutputFormat outputFormat) {

    public static final int MAX_N = 128;
    public static final int MAX_STOP = 4;

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(outputFormat, "outputFormat");
        if (messages.isEmpty()) {
            throw new InvalidRequestException("messages", "[] is too short - 'messages'");
        }
        if (n < 1 || n > MAX_N) {
            throw new InvalidRequestException("n", n + " is not within [1, " + MAX_N + "] - 'n'");
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new InvalidRequestException("max_tokens", "max_tokens must be at least 1, got " + maxTokens.getAsInt() + ".");
        }
        if (stop.size() > MAX_STOP) {
            throw new InvalidRequestException("stop", "stop may hold at most " + MAX_STOP + " sequences.");
        }
        if (toolChoice instanceof ToolChoice.Function(String name)
                && tools.stream().noneMatch(tool -> tool.name().equals(name))) {
            throw new InvalidRequestException("tool_choice",
                    "Invalid value for 'tool_choice': no function named '" + name + "' was specified in the 'tools' parameter.");
        }
        if (toolChoice instanceof ToolChoice.Required && tools.isEmpty()) {
            throw new InvalidRequestException("tool_choice",
                    "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.");
        }
    }

    /**
     * The tools the assistant calls: none unless a call is forced; the named function alone; with
     * {@code required}, every tool when parallel calls are allowed, else the first.
     */
    public List<ToolDefinition> toolsToCall() {
        return switch (toolChoice) {
            case ToolChoice.Required r -> parallelToolCalls ? tools : List.of(tools.getFirst());
            case ToolChoice.Function(String name) -> tools.stream().filter(t -> t.name().equals(name)).limit(1).toList();
            case ToolChoice.None none -> List.of();
            case ToolChoice.Auto auto -> List.of();
        };
    }
}
