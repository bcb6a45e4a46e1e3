package dev.llmworkbench.domain.batch;

/** The tokens a batch used, summed over its answered lines' {@code usage}; what the Batch object's {@code usage} shows. */
public record BatchUsage(long inputTokens, long cachedTokens, long outputTokens, long reasoningTokens) {
    public static final BatchUsage NONE = new BatchUsage(0, 0, 0, 0);

    public BatchUsage {
        if (inputTokens < 0 || cachedTokens < 0 || outputTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public BatchUsage plus(BatchUsage other) {
        return new BatchUsage(inputTokens + other.inputTokens, cachedTokens + other.cachedTokens,
                outputTokens + other.outputTokens, reasoningTokens + other.reasoningTokens);
    }

    /** OpenAI's {@code total_tokens}: input plus output (cached and reasoning tokens are already inside them). */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
