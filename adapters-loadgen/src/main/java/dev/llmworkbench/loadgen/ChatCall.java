package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import java.util.Map;
import java.util.Objects;

/**
 * One request to send: its scenario (which API, streamed or not), the model, the prompt, the output length to ask
 * for, whether to ask for it in vLLM's way too, and the plan's extra headers. {@code promptTokens} is the prompt's
 * count as the server bills it, which stands in when the server sends no {@code usage}.
 *
 * @param input     a {@link RecordedPrompt.Text} goes as the completions prompt, the embeddings input or one user
 *                  message; a {@link RecordedPrompt.Conversation} goes as-is as the messages of a chat completion or
 *                  the input of a response (the factory flattens it to text for the other scenarios)
 * @param maxTokens the output tokens asked for; 0 for embeddings, which have no output
 * @param ignoreEos whether to ask also with vLLM's {@code min_tokens} and {@code ignore_eos}
 * @param headers   sent with the request as they are, such as the emulator's {@code X-TTFT-MS}
 */
public record ChatCall(Scenario scenario, String model, RecordedPrompt input, int promptTokens, int maxTokens,
        boolean ignoreEos, Map<String, String> headers) {

    public ChatCall {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        headers = Map.copyOf(headers);
        if (model.isBlank()) {
            throw new IllegalArgumentException("model is blank");
        }
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens < 0");
        }
        if (scenario == Scenario.EMBEDDINGS ? maxTokens != 0 : maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens " + maxTokens + " for " + scenario.tag());
        }
    }

    /** A chat completion with one user message, asking for the output length with {@code max_tokens} only. */
    public ChatCall(String model, String prompt, int promptTokens, int maxTokens, boolean stream) {
        this(stream ? Scenario.CHAT_COMPLETIONS : Scenario.CHAT_COMPLETIONS_NONSTREAM, model,
                new RecordedPrompt.Text(prompt), promptTokens, maxTokens, false, Map.of());
    }

    /** The prompt as text: a conversation's text contents joined by line feeds. */
    public String prompt() {
        return RecordedPrompts.text(input);
    }

    /**
     * Whether the answer streams. Completions stream too, unlike the task runner's, so that their TTFT is the first
     * token's arrival rather than the whole answer's; embeddings have no tokens to stream.
     */
    public boolean stream() {
        return switch (scenario) {
            case CHAT_COMPLETIONS, COMPLETIONS, RESPONSES -> true;
            case CHAT_COMPLETIONS_NONSTREAM, EMBEDDINGS -> false;
        };
    }
}
