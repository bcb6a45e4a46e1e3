package dev.llmworkbench.application.batch;

import dev.llmworkbench.domain.batch.Batch;

/**
 * {@code POST /v1/batches/{id}/cancel}: a validating or running batch becomes cancelling at once and cancelled when
 * its lines in flight are answered; what finished is kept. A batch finalizing or ended cannot be cancelled (400).
 */
public final class CancelBatch {
    private final BatchRunner runner;

    public CancelBatch(BatchRunner runner) {
        this.runner = runner;
    }

    public Batch cancel(String id) {
        return runner.cancel(runner.batches().find(id).orElseThrow(() -> GetBatch.notFound(id)));
    }
}
