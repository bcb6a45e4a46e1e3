package dev.llmworkbench.application.webhooks.port;

import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import java.util.List;
import java.util.Optional;

/** The durable outbox of webhook deliveries and their attempts. */
public interface Webhooks {
    /** Keeps every one of them, or none. */
    void add(List<Webhook> webhooks);

    Optional<Webhook> find(String id);

    /** Every delivery still to be tried, as after a restart. */
    List<Webhook> pending();

    /** Stores the attempt and the delivery's state after it, together. */
    void recordAttempt(Webhook after, WebhookAttempt attempt);

    /** A batch's deliveries, oldest first, each with its attempts in order. */
    List<WebhookDeliveries> forBatch(String batchId);
}
