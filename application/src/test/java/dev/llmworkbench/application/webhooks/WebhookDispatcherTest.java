package dev.llmworkbench.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.WebhookSender;
import dev.llmworkbench.application.webhooks.port.WebhookSigner;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
    private static final Duration BASE = Duration.ofMillis(40);

    /** The outbox in memory, as the SQLite table keeps it. */
    private static final class MemoryWebhooks implements Webhooks {
        final Map<String, Webhook> rows = new LinkedHashMap<>();
        final Map<String, List<WebhookAttempt>> attempts = new LinkedHashMap<>();

        @Override
        public synchronized void add(List<Webhook> webhooks) {
            webhooks.forEach(webhook -> rows.put(webhook.id(), webhook));
        }

        @Override
        public synchronized Optional<Webhook> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized List<Webhook> pending() {
            return rows.values().stream().filter(webhook -> webhook.state() == WebhookState.PENDING).toList();
        }

        @Override
        public synchronized void recordAttempt(Webhook after, WebhookAttempt attempt) {
            rows.put(after.id(), after);
            attempts.computeIfAbsent(after.id(), id -> new ArrayList<>()).add(attempt);
        }

        @Override
        public synchronized List<WebhookDeliveries> forBatch(String batchId) {
            return rows.values().stream().filter(webhook -> webhook.batchId().equals(batchId))
                    .map(webhook -> new WebhookDeliveries(webhook, attempts.getOrDefault(webhook.id(), List.of()))).toList();
        }
    }

    /** What one attempt sent, and when. */
    private record Sent(String url, String body, Map<String, String> headers, long nanos) {
    }

    /** Answers each send with the next of its scripted answers: a status, or null for a refused connection. */
    private static final class ScriptedSender implements WebhookSender {
        final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> answers;

        ScriptedSender(Integer... answers) {
            this.answers = new ConcurrentLinkedQueue<>(java.util.Arrays.asList(answers));
        }

        @Override
        public int send(String url, String body, Map<String, String> headers) throws IOException {
            sent.add(new Sent(url, body, Map.copyOf(headers), System.nanoTime()));
            Integer answer = answers.poll();
            if (answer == null || answer == 0) {
                throw new ConnectException("Connection refused");
            }
            return answer;
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MemoryWebhooks store = new MemoryWebhooks();
    private static final BatchEnded ENDED = new BatchEnded("batch_1", BatchStatus.COMPLETED, Optional.of("file-out"),
            Optional.empty(), 2, 2, 0, Instant.parse("2026-03-01T12:00:00Z"));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private WebhookNotifier notifier(ScriptedSender sender, int maxAttempts, Optional<WebhookSigner> signature, String... urls) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, sender, signature, maxAttempts, BASE, Clock.systemUTC(),
                timer, Thread.ofVirtual().factory());
        return new WebhookNotifier(List.of(urls), store, dispatcher, Clock.systemUTC(), new Random(7));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    private List<WebhookAttempt> attempts() {
        return store.forBatch("batch_1").getFirst().attempts();
    }

    @Test
    void storesTheDeliveryInTheCallThenRetriesAFirst500AndSignsEveryAttemptAlike() throws Exception {
        ScriptedSender sender = new ScriptedSender(500, 200);
        WebhookSigner signature = body -> "signed:" + body.length();
        notifier(sender, 5, Optional.of(signature), "http://receiver/hook").batchEnded(ENDED);
        assertEquals(1, store.rows.size());
        await(() -> store.pending().isEmpty());

        WebhookDeliveries delivery = store.forBatch("batch_1").getFirst();
        assertEquals(WebhookState.DELIVERED, delivery.webhook().state());
        assertEquals(List.of(OptionalInt.of(500), OptionalInt.of(200)),
                delivery.attempts().stream().map(WebhookAttempt::statusCode).toList());
        assertEquals(Optional.of("HTTP 500"), delivery.attempts().getFirst().error());
        List<Sent> sent = List.copyOf(sender.sent);
        assertEquals(sent.get(0).body(), sent.get(1).body());
        for (Sent attempt : sent) {
            assertEquals(delivery.webhook().id(), attempt.headers().get("X-Webhook-Id"));
            assertEquals(signature.sign(attempt.body()), attempt.headers().get("X-Webhook-Signature"));
            assertTrue(attempt.headers().get("X-Webhook-Timestamp").matches("\\d{10}"));
        }
        assertTrue(sent.get(1).nanos() - sent.get(0).nanos() >= BASE.toNanos(), "the retry waits the base delay");
    }

    @Test
    void givesUpAfterMaxAttemptsWithDoublingDelaysAndKeepsEveryAttempt() throws Exception {
        ScriptedSender sender = new ScriptedSender(503, 0, 500);
        notifier(sender, 3, Optional.empty(), "http://receiver/hook").batchEnded(ENDED);
        await(() -> store.pending().isEmpty());
        assertEquals(WebhookState.FAILED, store.forBatch("batch_1").getFirst().webhook().state());
        assertEquals(List.of(Optional.of("HTTP 503"), Optional.of("ConnectException: Connection refused"), Optional.of("HTTP 500")),
                attempts().stream().map(WebhookAttempt::error).toList());
        List<Sent> sent = List.copyOf(sender.sent);
        assertEquals(3, sent.size());
        assertTrue(sent.get(2).nanos() - sent.get(1).nanos() >= 2 * BASE.toNanos(), "the second retry waits twice as long");
        assertTrue(sent.stream().noneMatch(attempt -> attempt.headers().containsKey("X-Webhook-Signature")),
                "no secret, no signature");
    }

    @Test
    void oneDeliveryPerEndpointWithTheSameBody() throws Exception {
        ScriptedSender sender = new ScriptedSender(200, 200);
        notifier(sender, 5, Optional.empty(), "http://a/hook", "http://b/hook").batchEnded(ENDED);
        await(() -> sender.sent.size() == 2 && store.pending().isEmpty());
        assertEquals(List.of("http://a/hook", "http://b/hook"),
                sender.sent.stream().map(Sent::url).sorted(Comparator.naturalOrder()).toList());
        assertEquals(1, sender.sent.stream().map(Sent::body).distinct().count());
    }

    @Test
    void anEndWhileTheServerStopsIsStoredAndLeftPendingForTheRestart() {
        timer.shutdownNow();
        notifier(new ScriptedSender(200), 5, Optional.empty(), "http://receiver/hook").batchEnded(ENDED);
        assertEquals(1, store.pending().size());
    }

    @Test
    void resumesThePendingDeliveriesOfAnEarlierRun() throws Exception {
        store.add(List.of(Webhook.pending("whd_left", "batch_1", "batch.completed", "http://receiver/hook", "{}",
                Instant.now().minusSeconds(60))));
        ScriptedSender sender = new ScriptedSender(204);
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, sender, Optional.empty(), 5, BASE, Clock.systemUTC(),
                timer, Thread.ofVirtual().factory());
        assertEquals(1, dispatcher.resume());
        await(() -> store.pending().isEmpty());
        assertEquals(WebhookState.DELIVERED, store.find("whd_left").orElseThrow().state());
    }
}
