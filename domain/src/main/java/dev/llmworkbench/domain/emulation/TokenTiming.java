package dev.llmworkbench.domain.emulation;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing a request asks for: time to first token counted from the request's arrival, the gap
 * between consecutive tokens, and the exact number of tokens to produce.
 */
public record TokenTiming(Duration ttft, Duration itl, int outputTokens) {
    public TokenTiming {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(itl, "itl");
        if (ttft.isNegative()) {
            throw new IllegalArgumentException("ttft < 0");
        }
        if (itl.isNegative()) {
            throw new IllegalArgumentException("itl < 0");
        }
        if (outputTokens < 0) {
            throw new IllegalArgumentException("outputTokens < 0");
        }
    }
}
