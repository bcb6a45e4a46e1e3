package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWebhooksTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

    @TempDir
    Path dataDir;

    private SqliteStore store;

    private SqliteWebhooks webhooks() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteWebhooks(store);
    }

    private SqliteWebhooks reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteWebhooks(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

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

        SqliteWebhooks again = reopened();
        assertEquals(List.of(retry), again.pending());
        assertEquals(Optional.of(delivered), again.find("whd_b"));
        assertEquals(List.of(new WebhookDeliveries(retry, List.of(refused)), new WebhookDeliveries(delivered, List.of(ok))),
                again.forBatch("batch_1"));
        assertEquals(List.of(), again.forBatch("batch_2"));
    }

    @Test
    void addingKeepsAllOrNone() {
        webhooks().add(List.of(pending("whd_a", "http://a/hook")));
        assertThrows(RuntimeException.class, () -> webhooks().add(List.of(pending("whd_c", "http://c/hook"),
                pending("whd_a", "http://a/again"))));
        assertEquals(Optional.empty(), webhooks().find("whd_c"));
    }
}
