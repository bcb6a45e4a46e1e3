package dev.llmworkbench.domain.chat;

/** Token usage of one completion; the total is derived so it can never disagree. */
public record Usage(int promptTokens, int completionTokens) {
    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
