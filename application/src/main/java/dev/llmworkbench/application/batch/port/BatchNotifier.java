package dev.llmworkbench.application.batch.port;

/**
 * Told when a batch ends (completed, failed, expired or cancelled), once per batch, after its status is stored.
 * The webhooks implement it; delivery happens later and must not hold up the batch.
 */
public interface BatchNotifier {
    void batchEnded(BatchEnded ended);
}
