package dev.llmworkbench.application.webhooks.port;

import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import java.util.List;
import java.util.Objects;

/** A delivery and every attempt made at it, in order. */
public record WebhookDeliveries(Webhook webhook, List<WebhookAttempt> attempts) {
    public WebhookDeliveries {
        Objects.requireNonNull(webhook, "webhook");
        attempts = List.copyOf(attempts);
    }
}
