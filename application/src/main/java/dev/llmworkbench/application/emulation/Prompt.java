package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request's prompt as the engine sees it: its billed token count, and its token ids, encoded only
 * when the prefix cache asks for them, so a request costs no second encoding while the cache is off.
 */
public record Prompt(int tokens, Supplier<int[]> ids) {
    public Prompt {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens < 0");
        }
    }

    public static Prompt chat(int tokens, String model, List<Message> messages) {
        return new Prompt(tokens, PromptIds.chat(model, messages));
    }

    public static Prompt completion(int tokens, TokenEncoding encoding, List<EmbeddingInput> prompts) {
        return new Prompt(tokens, PromptIds.completion(encoding, prompts));
    }
}
