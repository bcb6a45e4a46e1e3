package dev.llmworkbench.application.collate;

import java.time.Duration;

/**
 * A collate route's window: requests are held at most {@code window} after the first one came, or until
 * {@code maxRequests} are held, whichever is first.
 */
public record CollateSettings(Duration window, int maxRequests) {
    public CollateSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the collation window must be positive");
        }
        // OpenAI takes at most 50,000 lines in one batch file.
        if (maxRequests < 1 || maxRequests > 50_000) {
            throw new IllegalArgumentException("max-requests must be 1..50000, was " + maxRequests);
        }
    }
}
