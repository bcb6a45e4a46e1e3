package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What every {@link Webhooks} adapter must do, written once: each adapter's test extends it with real storage. */
public abstract class WebhooksContract {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

    protected abstract Webhooks webhooks();

    /** Closes the storage {@link #webhooks()} used, as a shutdown would, and opens the same storage again. */
    protected abstract Webhooks reopened();

    private static Webhook pending(String id, String url) {
        return Webhook.pending(id, "batch_1", "batch.completed", url, "{\"event\":\"batch.completed\"}", T0);
    }

    @Test
    void pendingDeliveriesAndTheirAttemptsSurviveARestartToTheNanosecond() {
        Webhook a = pending("whd_a", "http://a/hook");
        Webhook b = pending("whd_b", "http://b/hook");
        webhooks().add(List.of(a, b));
        WebhookAttempt refused = new WebhookAttempt(1, T0.plusMillis(5), OptionalInt.empty(),
                Optional.of("ConnectException: Connection refused"), Duration.ofNanos(1_234_567));
        Webhook retry = new Webhook("whd_a", "batch_1", "batch.completed", "http://a/hook", a.body(), T0,
                WebhookState.PENDING, 1, Optional.of(T0.plusSeconds(2)));
        webhooks().recordAttempt(retry, refused);
        WebhookAttempt ok = new WebhookAttempt(1, T0.plusMillis(7), OptionalInt.of(200), Optional.empty(), Duration.ofMillis(3));
        Webhook delivered = new Webhook("whd_b", "batch_1", "batch.completed", "http://b/hook", b.body(), T0,
                WebhookState.DELIVERED, 1, Optional.empty());
        webhooks().recordAttempt(delivered, ok);

        Webhooks again = reopened();
        assertEquals(List.of(retry), again.pending());
        assertEquals(Optional.of(delivered), again.find("whd_b"));
        assertEquals(List.of(new WebhookDeliveries(retry, List.of(refused)), new WebhookDeliveries(delivered, List.of(ok))),
                again.forBatch("batch_1"));
        assertEquals(List.of(), again.forBatch("batch_2"));
    }

    @Test
    void everyAttemptIsKeptInOrderAndPendingRunsByTheNextAttemptDue() {
        Webhook late = pending("whd_late", "http://a/hook");
        Webhook soon = pending("whd_soon", "http://b/hook");
        webhooks().add(List.of(late, soon));
        WebhookAttempt first = new WebhookAttempt(1, T0.plusSeconds(1), OptionalInt.of(500), Optional.of("HTTP 500"),
                Duration.ofMillis(4));
        WebhookAttempt second = new WebhookAttempt(2, T0.plusSeconds(3), OptionalInt.of(503), Optional.of("HTTP 503"),
                Duration.ofMillis(6));
        Webhook afterFirst = new Webhook("whd_late", "batch_1", "batch.completed", "http://a/hook", late.body(), T0,
                WebhookState.PENDING, 1, Optional.of(T0.plusSeconds(2)));
        Webhook afterSecond = new Webhook("whd_late", "batch_1", "batch.completed", "http://a/hook", late.body(), T0,
                WebhookState.PENDING, 2, Optional.of(T0.plusSeconds(60)));
        webhooks().recordAttempt(afterFirst, first);
        webhooks().recordAttempt(afterSecond, second);

        assertEquals(List.of(soon, afterSecond), webhooks().pending());
        assertEquals(List.of(first, second), webhooks().forBatch("batch_1").stream()
                .filter(deliveries -> deliveries.webhook().id().equals("whd_late")).findFirst().orElseThrow().attempts());
    }

    @Test
    void addingKeepsAllOrNone() {
        webhooks().add(List.of(pending("whd_a", "http://a/hook")));
        assertThrows(RuntimeException.class, () -> webhooks().add(List.of(pending("whd_c", "http://c/hook"),
                pending("whd_a", "http://a/again"))));
        assertEquals(Optional.empty(), webhooks().find("whd_c"));
        assertEquals(Optional.of("http://a/hook"), webhooks().find("whd_a").map(Webhook::url));
    }
}
