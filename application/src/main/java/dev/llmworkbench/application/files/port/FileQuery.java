package dev.llmworkbench.application.files.port;

import dev.llmworkbench.domain.files.FilePurpose;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code GET /v1/files}: only files of {@code purpose} when given, at most {@code limit} of them,
 * ordered by creation ({@code ascending} for {@code order=asc}), starting after the file {@code after} when given.
 */
public record FileQuery(Optional<FilePurpose> purpose, int limit, boolean ascending, Optional<String> after) {
    public static final int MAX_LIMIT = 10_000;

    public FileQuery {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }
}
