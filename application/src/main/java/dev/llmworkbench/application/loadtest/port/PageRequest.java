package dev.llmworkbench.application.loadtest.port;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a newest-first listing, as OpenAI pages its lists: at most {@code limit} runs after the run whose id is
 * {@code after}. An {@code after} that names no run gives an empty page.
 */
public record PageRequest(Optional<String> after, int limit) {
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }
}
