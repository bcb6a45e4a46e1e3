package dev.llmworkbench.application.webhooks;

import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import java.util.List;

/** {@code GET /api/batches/{id}/webhooks}: the batch's deliveries with every attempt. */
public final class ListWebhooks {
    private final Webhooks store;

    public ListWebhooks(Webhooks store) {
        this.store = store;
    }

    public List<WebhookDeliveries> forBatch(String batchId) {
        return store.forBatch(batchId);
    }
}
