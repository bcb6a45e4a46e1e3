package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.batch.Batch;

/** {@code GET /v1/batches/{id}}: a batch as last stored, its counts as of its last answered line. */
public final class GetBatch {
    private final Batches batches;

    public GetBatch(Batches batches) {
        this.batches = batches;
    }

    /** @throws NotFoundException when no batch has this id */
    public Batch get(String id) {
        return batches.find(id).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("batch_id", null, "No batch found with id '" + id + "'.");
    }
}
