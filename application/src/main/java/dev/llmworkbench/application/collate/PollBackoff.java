package dev.llmworkbench.application.collate;

import java.time.Duration;

/** How often an upstream batch is asked for its status: {@code first} after creation, doubling up to {@code max}. */
public record PollBackoff(Duration first, Duration max) {
    public PollBackoff {
        if (first == null || first.isNegative() || first.isZero() || max == null || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("poll backoff needs 0 < first <= max");
        }
    }

    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
