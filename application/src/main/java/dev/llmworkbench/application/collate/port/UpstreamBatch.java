package dev.llmworkbench.application.collate.port;

import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.util.Objects;
import java.util.Optional;

/** What an upstream says of one of its batches: the parts of OpenAI's {@code Batch} object collation needs. */
public record UpstreamBatch(String id, BatchStatus status, RequestCounts counts, Optional<String> outputFileId,
                            Optional<String> errorFileId) {
    public UpstreamBatch {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an upstream batch has an id");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(outputFileId, "outputFileId");
        Objects.requireNonNull(errorFileId, "errorFileId");
    }
}
