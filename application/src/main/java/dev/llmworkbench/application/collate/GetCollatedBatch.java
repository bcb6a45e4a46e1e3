package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An upstream batch collation made on a route to another server, as its upstream describes it now, for
 * {@code GET /v1/batches/{id}}; empty for any other id, or when the upstream cannot say now.
 */
public final class GetCollatedBatch {
    private static final Logger LOG = Logger.getLogger(GetCollatedBatch.class.getName());

    private final CollatedRequests store;
    private final Map<String, BatchUpstream> elsewhere;

    /** @param elsewhere the batch upstreams of the collate routes whose upstream is not this server, by route */
    public GetCollatedBatch(CollatedRequests store, Map<String, BatchUpstream> elsewhere) {
        this.store = store;
        this.elsewhere = Map.copyOf(elsewhere);
    }

    public Optional<String> find(String batchId) throws InterruptedException {
        Optional<BatchUpstream> upstream = store.statusLog(batchId).stream().findFirst().map(entry -> elsewhere.get(entry.route()));
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(upstream.get().batchObject(batchId));
        } catch (IOException unreachable) {
            LOG.info(() -> "event=collate_batch_not_shown batch=" + batchId + " reason=" + unreachable.getMessage());
            return Optional.empty();
        }
    }
}
