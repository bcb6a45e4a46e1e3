package dev.llmworkbench.domain.completion;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A legacy text completion: {@code n} answers for each prompt. Unlike OpenAI's API, max_tokens
 * has no default of 16 here, so X-OUTPUT-LENGTH alone decides the length unless the caller caps it.
 */
public record CompletionRequest(
        String model, List<EmbeddingInput> prompts, int n, OptionalInt maxTokens, List<String> stop,
        OptionalLong seed, boolean echo) {

    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        prompts = List.copyOf(prompts);
        stop = List.copyOf(stop);
        if (prompts.isEmpty()) {
            throw new InvalidRequestException("prompt", "prompt must not be an empty array.");
        }
        if (n < 1 || n > ChatRequest.MAX_N) {
            throw new InvalidRequestException("n", n + " is not within [1, " + ChatRequest.MAX_N + "] - 'n'");
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 0) {
            throw new InvalidRequestException("max_tokens", "max_tokens must be at least 0, got " + maxTokens.getAsInt() + ".");
        }
        if (stop.size() > ChatRequest.MAX_STOP) {
            throw new InvalidRequestException("stop", "stop may hold at most " + ChatRequest.MAX_STOP + " sequences.");
        }
    }
}
