package dev.llmworkbench.application.responses;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/** A page request over a response's input items, with OpenAI's bounds: {@code limit} 1 to 100. */
public record ItemQuery(int limit, boolean ascending, Optional<String> after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ItemQuery {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "Invalid 'limit': expected an integer from 1 to " + MAX_LIMIT + ", but got " + limit + " instead.");
        }
    }
}
