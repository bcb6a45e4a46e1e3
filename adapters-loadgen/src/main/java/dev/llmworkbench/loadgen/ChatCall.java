package dev.llmworkbench.loadgen;

import java.util.Objects;

/**
 * One chat completion to send: the model, one user message, the output length to ask for, whether to stream,
 * and the prompt's token count in the model's encoding, which stands in when the server sends no {@code usage}.
 */
public record ChatCall(String model, String prompt, int promptTokens, int maxTokens, boolean stream) {

    public ChatCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
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
}
