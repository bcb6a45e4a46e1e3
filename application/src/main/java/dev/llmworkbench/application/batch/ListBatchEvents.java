package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.domain.batch.BatchEvent;
import java.util.List;

/** {@code GET /api/batches/{id}/events}: every status change of a batch, oldest first, with the counts it had then. */
public final class ListBatchEvents {
    private final Batches batches;

    public ListBatchEvents(Batches batches) {
        this.batches = batches;
    }

    public List<BatchEvent> list(String id) {
        batches.find(id).orElseThrow(() -> GetBatch.notFound(id));
        return batches.events(id);
    }
}
