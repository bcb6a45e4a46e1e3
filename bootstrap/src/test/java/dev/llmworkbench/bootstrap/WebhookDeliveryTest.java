package dev.llmworkbench.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.webhooks.WebhookDispatcher;
import dev.llmworkbench.application.webhooks.WebhookNotifier;
import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.bootstrap.e2e.GuideReceiver;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import dev.llmworkbench.persistence.sqlite.SqliteStore;
import dev.llmworkbench.persistence.sqlite.SqliteWebhooks;
import dev.llmworkbench.rest.webhooks.HmacWebhookSigner;
import dev.llmworkbench.rest.webhooks.HttpWebhookSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks through the real adapters: the outbox in a SQLite file, the JDK HTTP sender, and a receiver in this test
 * that checks each request as the vLLM Batch Server guide's receiver does (the signature recomputed from the raw
 * body with the shared secret), answering 500 to the first and 200 after.
 */
class WebhookDeliveryTest {
    private static final String SECRET = "whsec_delivery-test";

    /** One request as the receiver saw it, and whether its signature checked out. */
    private record Received(String id, String timestamp, String body, boolean signed) {
    }

    @TempDir
    Path dataDir;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private HttpServer receiver;
    private SqliteStore store;
    private HttpWebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Webhook-Id"),
                    exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"), new String(body, StandardCharsets.UTF_8),
                    GuideReceiver.signature(SECRET, body).equals(signature)));
            exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        store = SqliteStore.open(dataDir);
        sender = new HttpWebhookSender(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        receiver.stop(0);
        sender.close();
        store.close();
    }

    @Test
    void aSignedDeliveryIsRetriedAfterA500AndEveryAttemptIsStored() throws Exception {
        SqliteWebhooks webhooks = new SqliteWebhooks(store);
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, sender, Optional.of(new HmacWebhookSigner(SECRET)), 5,
                Duration.ofMillis(50), Clock.systemUTC(), timer, Thread.ofVirtual().factory());
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook";
        new WebhookNotifier(List.of(url), webhooks, dispatcher, Clock.systemUTC(), new SecureRandom())
                .batchEnded(new BatchEnded("batch_hook", BatchStatus.COMPLETED, Optional.of("file-out"), Optional.empty(),
                        4, 4, 0, Instant.now()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!webhooks.pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(2, received.size());
        assertTrue(received.stream().allMatch(Received::signed), received::toString);
        assertEquals(received.get(0).id(), received.get(1).id());
        assertEquals(received.get(0).body(), received.get(1).body());
        assertTrue(received.get(0).body().contains("\"event\":\"batch.completed\",\"batch_id\":\"batch_hook\""));
        assertTrue(received.get(0).body().contains("\"output_file_id\":\"file-out\""));
        assertTrue(Math.abs(Long.parseLong(received.get(1).timestamp()) - Instant.now().getEpochSecond()) < 60);

        WebhookDeliveries delivery = webhooks.forBatch("batch_hook").getFirst();
        assertEquals(WebhookState.DELIVERED, delivery.webhook().state());
        assertEquals(received.get(0).id(), delivery.webhook().id());
        assertEquals(List.of(OptionalInt.of(500), OptionalInt.of(200)),
                delivery.attempts().stream().map(WebhookAttempt::statusCode).toList());
        assertTrue(!delivery.webhook().body().contains(SECRET), "the secret is never stored");
    }

    @Test
    void anEndpointThatRefusesConnectionsIsTriedMaxAttemptsTimesThenFails() throws Exception {
        SqliteWebhooks webhooks = new SqliteWebhooks(store);
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, sender, Optional.empty(), 3, Duration.ofMillis(20),
                Clock.systemUTC(), timer, Thread.ofVirtual().factory());
        new WebhookNotifier(List.of("http://127.0.0.1:1/webhook"), webhooks, dispatcher, Clock.systemUTC(), new SecureRandom())
                .batchEnded(new BatchEnded("batch_nowhere", BatchStatus.FAILED, Optional.empty(), Optional.empty(), 0, 0, 0,
                        Instant.now()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!webhooks.pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        WebhookDeliveries delivery = webhooks.forBatch("batch_nowhere").getFirst();
        assertEquals(WebhookState.FAILED, delivery.webhook().state());
        assertEquals(3, delivery.attempts().size());
        assertTrue(delivery.attempts().stream().allMatch(a -> a.statusCode().isEmpty() && a.error().orElseThrow().contains("Connect")),
                () -> delivery.attempts().toString());
    }
}
