package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import java.util.Objects;

/**
 * One chat completion to send: the model, one user message, the output length to ask for, whether to stream,
 * the prompt's token count in the model's encoding, which stands in when the server sends no {@code usage}, and
 * the scenario it was picked for, which the result counts requests by.
 */
public record ChatCall(String model, String prompt, int promptTokens, int maxTokens, boolean stream,
        Scenario scenario) {

    public ChatCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(scenario, "scenario");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model is blank");
        }
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens < 0");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens < 1");
        }
    }

    /** A chat completion, streamed or not, named by the scenario that sends it that way. */
    public ChatCall(String model, String prompt, int promptTokens, int maxTokens, boolean stream) {
        this(model, prompt, promptTokens, maxTokens, stream,
                stream ? Scenario.CHAT_COMPLETIONS : Scenario.CHAT_COMPLETIONS_NONSTREAM);
    }
}
