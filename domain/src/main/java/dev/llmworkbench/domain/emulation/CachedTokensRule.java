package dev.llmworkbench.domain.emulation;

/** How {@code usage.prompt_tokens_details.cached_tokens} reports the prompt tokens found in the prefix cache. */
public enum CachedTokensRule {
    /**
     * As OpenAI's prompt caching guide states it: caching applies to prompts of 1,024 tokens or more,
     * and a hit covers the first 1,024 tokens and then grows in increments of 128 tokens.
     */
    OPENAI {
        @Override
        public int reported(int hitTokens, int promptTokens) {
            if (promptTokens < MIN_PROMPT || hitTokens < MIN_PROMPT) {
                return 0;
            }
            return MIN_PROMPT + (hitTokens - MIN_PROMPT) / INCREMENT * INCREMENT;
        }
    },
    /** As vLLM reports it: every token of every block found, a multiple of the block size. */
    BLOCKS {
        @Override
        public int reported(int hitTokens, int promptTokens) {
            return hitTokens;
        }
    };

    static final int MIN_PROMPT = 1024;
    static final int INCREMENT = 128;

    /** The cached tokens to report for {@code hitTokens} tokens found, of a prompt of {@code promptTokens}. */
    public abstract int reported(int hitTokens, int promptTokens);

    /** The rule a configuration value names: {@code openai} or {@code blocks}. */
    public static CachedTokensRule of(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "openai" -> OPENAI;
            case "blocks" -> BLOCKS;
            default -> throw new IllegalArgumentException("cached-tokens-rule is openai or blocks, not " + name);
        };
    }
}
