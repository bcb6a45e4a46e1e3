package dev.llmworkbench.application.gateway.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A page of the completion log: rows matching every filter given, newest first, at most {@code limit} of them, older
 * than the row whose id is {@code after}. An {@code after} naming no row gives an empty page.
 *
 * @param since rows created at or after it
 * @param until rows created before it
 */
public record CompletionQuery(Optional<String> model, Optional<String> route, OptionalInt status, Optional<Instant> since,
                              Optional<Instant> until, int limit, Optional<String> after) {
    public static final int MAX_LIMIT = 100;

    public CompletionQuery {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status.getAsInt());
        }
    }

    public static CompletionQuery newest(int limit) {
        return new CompletionQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                limit, Optional.empty());
    }
}
