package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.BatchStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A batch reached one of its four final statuses; what a webhook tells about it. */
public record BatchEnded(String batchId, BatchStatus status, Optional<String> outputFileId,
                         Optional<String> errorFileId, long total, long completed, long failed, Instant at) {
    public BatchEnded {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outputFileId, "outputFileId");
        Objects.requireNonNull(errorFileId, "errorFileId");
        Objects.requireNonNull(at, "at");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a batch ends only completed, failed, expired or cancelled: " + status);
        }
        if (total < 0 || completed < 0 || failed < 0 || completed + failed > total) {
            throw new IllegalArgumentException("request counts out of range: " + total + "/" + completed + "/" + failed);
        }
    }

    /** The webhook's {@code event}: {@code batch.completed}, {@code batch.failed}, ... */
    public String event() {
        return "batch." + status.wire();
    }
}
