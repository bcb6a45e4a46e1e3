package dev.llmworkbench.domain.collate;

import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.time.Instant;
import java.util.Objects;

/** One row of the batch status log: an upstream batch of route {@code route} was seen in {@code status} at {@code at}. */
public record CollateStatusEntry(String batchId, String route, Instant at, BatchStatus status, RequestCounts counts) {
    public CollateStatusEntry {
        if (batchId == null || batchId.isBlank() || route == null || route.isBlank()) {
            throw new IllegalArgumentException("a status log row names its batch and route");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
    }
}
