package dev.llmworkbench.domain.webhooks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event's delivery to one endpoint: the body as it is sent on every attempt (its id, {@code X-Webhook-Id}, the
 * same on each), how many attempts were made, and when the next is due while it is pending.
 */
public record Webhook(String id, String batchId, String event, String url, String body, Instant createdAt,
                      WebhookState state, int attempts, Optional<Instant> nextAttemptAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0: " + attempts);
        }
        if ((state == WebhookState.PENDING) != nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("a pending delivery, and only one, has a next attempt: " + state);
        }
    }

    /** A delivery not yet tried, due at once. */
    public static Webhook pending(String id, String batchId, String event, String url, String body, Instant now) {
        return new Webhook(id, batchId, event, url, body, now, WebhookState.PENDING, 0, Optional.of(now));
    }
}
