package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The upstream batches collation made on routes to another server (OpenAI), newest first, each as its upstream
 * describes it now, so {@code GET /v1/batches} shows them as batch-gpt does. Batches of this server's own batch
 * server are listed there already. One the upstream cannot describe now is left out of this page.
 */
public final class ListCollatedBatches {
    private static final Logger LOG = Logger.getLogger(ListCollatedBatches.class.getName());

    private final CollatedRequests store;
    private final Map<String, BatchUpstream> elsewhere;

    /** @param elsewhere the batch upstreams of the collate routes whose upstream is not this server, by route */
    public ListCollatedBatches(CollatedRequests store, Map<String, BatchUpstream> elsewhere) {
        this.store = store;
        this.elsewhere = Map.copyOf(elsewhere);
    }

    /** @return the upstream's {@code Batch} objects, as JSON, at most {@code limit} */
    public List<String> list(int limit) throws InterruptedException {
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        List<String> objects = new ArrayList<>();
        for (CollateStatusEntry batch : store.batches(limit)) {
            BatchUpstream upstream = elsewhere.get(batch.route());
            if (upstream == null) {
                continue;
            }
            try {
                objects.add(upstream.batchObject(batch.batchId()));
            } catch (IOException unreachable) {
                LOG.info(() -> "event=collate_batch_not_listed batch=" + batch.batchId() + " reason=" + unreachable.getMessage());
            }
        }
        return objects;
    }
}
