package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.domain.InvalidRequestException;
import java.util.Optional;

/** {@code GET /v1/batches}: newest first, {@code limit} (1 to 100, 20 by default, as OpenAI) after the batch {@code after}. */
public final class ListBatches {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Batches batches;

    public ListBatches(Batches batches) {
        this.batches = batches;
    }

    public BatchPage list(int limit, Optional<String> after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "invalid_value", "'limit' must be between 1 and " + MAX_LIMIT + ", got " + limit + ".");
        }
        return batches.list(limit, after);
    }
}
