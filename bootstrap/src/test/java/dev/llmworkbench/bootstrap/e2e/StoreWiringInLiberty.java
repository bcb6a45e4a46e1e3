package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store wiring inside Liberty: each port injected by CDI from {@code PersistenceWiring} is the adapter of the store
 * the deployment's configuration chose, and keeps and finds what it is given. One test a port; each subclass is one
 * micro-deployment, one store.
 */
@ExtendWith(ArquillianExtension.class)
abstract class StoreWiringInLiberty {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456789Z");

    @Inject
    LoadTestRuns runs;

    @Inject
    CompletionLog completions;

    @Inject
    Webhooks webhooks;

    @Inject
    FileStore files;

    @Inject
    Batches batches;

    @Inject
    CollatedRequests collated;

    /** The class-name prefix of the chosen store's adapters: {@code Sqlite} or {@code Mongo}. */
    abstract String adapterPrefix();

    @Test
    void theLoadTestRunsAreTheChosenStoresAndKeepARunThroughItsSteps() {
        assertEquals(adapterPrefix() + "LoadTestRuns", runs.getClass().getSimpleName());
        LoadTestRun queued = LoadTestRun.queue("{\"model\":\"gpt-4o\"}", NOW, new Random());
        runs.add(queued);
        LoadTestRun running = queued.start(NOW.plusSeconds(1));
        assertTrue(runs.update(queued, running));
        assertEquals(Optional.of(running), runs.find(queued.id()));
        assertTrue(runs.list(new PageRequest(Optional.empty(), 100)).runs().contains(running));
    }

    @Test
    void theCompletionLogIsTheChosenStoresAndListsAndSumsAnAppendedRow() {
        assertEquals(adapterPrefix() + "CompletionLog", completions.getClass().getSimpleName());
        String model = "wiring-" + UUID.randomUUID();
        Completion row = new Completion("req_" + UUID.randomUUID(), Optional.of("chatcmpl-1"), NOW, model, Optional.of(model),
                "local", "/v1/chat/completions", "[]", Optional.of("Hi"), Completion.TokenCounts.of(9, 2, 11),
                Optional.of(Duration.ofMillis(1)), Duration.ofMillis(5), false, 200, Optional.empty());
        completions.append(List.of(row));
        assertEquals(List.of(row), completions.list(new CompletionQuery(Optional.of(model), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), 10, Optional.empty())).rows());
        assertEquals(List.of(11L), completions.usage().stream().filter(usage -> usage.model().equals(model))
                .map(usage -> usage.totalTokens()).toList());
    }

    @Test
    void theWebhooksAreTheChosenStoresAndKeepADeliveryWithItsAttempt() {
        assertEquals(adapterPrefix() + "Webhooks", webhooks.getClass().getSimpleName());
        String batch = "batch_" + UUID.randomUUID();
        Webhook pending = Webhook.pending("whd_" + UUID.randomUUID(), batch, "batch.completed", "http://127.0.0.1:1/hook",
                "{\"type\":\"batch.completed\"}", NOW);
        webhooks.add(List.of(pending));
        Webhook delivered = new Webhook(pending.id(), batch, pending.event(), pending.url(), pending.body(), NOW,
                WebhookState.DELIVERED, 1, Optional.empty());
        WebhookAttempt ok = new WebhookAttempt(1, NOW.plusSeconds(1), OptionalInt.of(204), Optional.empty(), Duration.ofMillis(3));
        webhooks.recordAttempt(delivered, ok);
        assertEquals(List.of(new WebhookDeliveries(delivered, List.of(ok))), webhooks.forBatch(batch));
    }

    @Test
    void theFileStoreIsTheChosenStoresAndGivesBackTheBytesItKept() throws IOException {
        assertEquals(adapterPrefix() + "FileStore", files.getClass().getSimpleName());
        StoredFile kept = files.save(new NewFile("wiring.jsonl", FilePurpose.BATCH, Optional.empty(), 1_000),
                out -> out.write("{\"custom_id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(kept), files.find(kept.id()));
        try (InputStream in = files.open(kept.id())) {
            assertEquals("{\"custom_id\":\"a\"}\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(files.delete(kept.id()));
    }

    @Test
    void theBatchesAreTheChosenStoresAndKeepABatchWithItsLinesAndEvents() {
        assertEquals(adapterPrefix() + "Batches", batches.getClass().getSimpleName());
        Batch created = Batch.create("batch_" + UUID.randomUUID().toString().replace("-", ""), BatchEndpoint.CHAT_COMPLETIONS,
                "file-in", CompletionWindow.parse("1h"), Map.of(), Optional.empty(), NOW);
        batches.add(created);
        Batch started = created.start(2, Optional.of("gpt-4o"), NOW.plusSeconds(1));
        assertTrue(batches.start(started, List.of(new PendingLine(1, "a"), new PendingLine(2, "b"))));
        assertEquals(BatchStatus.IN_PROGRESS, batches.find(created.id()).orElseThrow().status());
        assertEquals(List.of(1, 2), batches.pending(created.id()).stream().map(PendingLine::line).toList());
        assertEquals(2, batches.events(created.id()).size());
    }

    @Test
    void theCollatedRequestsAreTheChosenStoresAndKeepAHeldRequest() {
        assertEquals(adapterPrefix() + "CollatedRequests", collated.getClass().getSimpleName());
        CollatedRequest held = CollatedRequest.waiting("collreq_" + UUID.randomUUID(), "collate", "gpt-4o-mini", "h1",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[]}", CollateMode.ASYNC, NOW).submitted("batch_1");
        collated.addAll(List.of(held));
        assertEquals(Optional.of(held), collated.find(held.id()));
    }
}
