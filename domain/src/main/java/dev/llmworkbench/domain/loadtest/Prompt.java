package dev.llmworkbench.domain.loadtest;

import java.util.Objects;

/**
 * A prompt for one request.
 *
 * @param text          the completions prompt, the embeddings input, or the user message's content
 * @param contentTokens the tokens of {@code text} alone in the model's encoding
 * @param billedTokens  the {@code prompt_tokens} an OpenAI-compatible server reports for it: the content's,
 *                      plus the message framing when it is sent as a chat message
 */
public record Prompt(String text, int contentTokens, int billedTokens) {
    public Prompt {
        Objects.requireNonNull(text, "text");
        if (contentTokens < 1 || billedTokens < contentTokens) {
            throw new IllegalArgumentException("bad prompt token counts: " + contentTokens + ", " + billedTokens);
        }
    }
}
