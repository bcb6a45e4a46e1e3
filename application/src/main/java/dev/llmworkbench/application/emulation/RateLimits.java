package dev.llmworkbench.application.emulation;

/** Per-API-key limits per minute, as OpenAI sets them; 0 turns a limit off. */
public record RateLimits(long requestsPerMinute, long tokensPerMinute) {
    public static final RateLimits OFF = new RateLimits(0, 0);

    public RateLimits {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
    }

    public boolean isOff() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }
}
