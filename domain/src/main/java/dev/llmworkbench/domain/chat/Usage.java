package dev.llmworkbench.domain.chat;

/**
 * Token usage of one completion; the total is derived so it can never disagree. As OpenAI counts
 * them, {@code cachedTokens} are part of {@code promptTokens} and {@code reasoningTokens} part of
 * {@code completionTokens}.
 */
public record Usage(int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens) {
    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (cachedTokens > promptTokens || reasoningTokens > completionTokens) {
            throw new IllegalArgumentException("cached tokens are prompt tokens and reasoning tokens completion tokens");
        }
    }

    public Usage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, 0, 0);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
