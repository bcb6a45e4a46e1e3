package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch's webhook on the running server, received here as the vLLM Batch Server guide's receiver receives it: the
 * signature recomputed from the raw body with the test server's secret (bootstrap/pom.xml), a 500 to the first
 * attempt and a 200 to the retry, both seen in {@code GET /api/batches/{id}/webhooks}. Deliveries of other tests'
 * batches reach the same receiver and are answered 200 and ignored. Runs once the Batches API is served.
 */
class BatchWebhooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-marker-it-5e1f0a";
    private static final int PORT = Integer.getInteger("workbench.it.webhook.port", 29081);

    /** One request for this test's batch, as the receiver saw it. */
    private record Received(String id, String timestamp, JsonNode body, boolean signed) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String batchId = "";
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        receiver.createContext("/webhook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = JSON.readTree(body);
            int status = 200;
            if (json.path("batch_id").asText().equals(batchId)) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Webhook-Id"),
                        exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"), json,
                        GuideReceiver.signature(SECRET, body).equals(exchange.getRequestHeaders().getFirst("X-Webhook-Signature"))));
                status = received.size() == 1 ? 500 : 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aCompletedBatchIsPostedSignedAndRetriedAfterA500() throws Exception {
        String lines = "{\"custom_id\":\"hook-1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
                + "\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}\n";
        var upload = new Multipart().field("purpose", "batch").file("file", "hooks.jsonl", lines.getBytes(StandardCharsets.UTF_8))
                .post("/v1/files");
        String fileId = JSON.readTree(upload.body()).get("id").asText();
        var created = Server.postJson("/v1/batches", "{\"input_file_id\":\"" + fileId + "\",\"endpoint\":\"/v1/chat/completions\","
                + "\"completion_window\":\"24h\"}");
        assumeTrue(created.statusCode() != 404, "the Batches API is not served by this build");
        assertEquals(200, created.statusCode(), created.body());
        batchId = JSON.readTree(created.body()).get("id").asText();

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, received.size(), received::toString);
        JsonNode batch = JSON.readTree(Server.get("/v1/batches/" + batchId).body());
        for (Received request : received) {
            assertTrue(request.signed(), request::toString);
            assertEquals(received.getFirst().id(), request.id());
            assertTrue(request.timestamp().matches("\\d{10}"), request::toString);
            assertEquals("batch.completed", request.body().get("event").asText());
            assertEquals("batch.completed", request.body().get("type").asText());
            assertEquals(batchId, request.body().get("data").get("id").asText());
            assertEquals("completed", request.body().get("status").asText());
            assertEquals(batch.get("output_file_id").asText(), request.body().get("output_file_id").asText());
            assertEquals(JSON.readTree("{\"total\":1,\"completed\":1,\"failed\":0}"), request.body().get("request_counts"));
        }

        JsonNode deliveries = JSON.readTree(Server.get("/api/batches/" + batchId + "/webhooks").body()).get("data");
        assertEquals(1, deliveries.size(), deliveries::toString);
        JsonNode delivery = deliveries.get(0);
        long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!delivery.get("state").asText().equals("delivered") && System.nanoTime() < settle) {
            Thread.sleep(50);
            delivery = JSON.readTree(Server.get("/api/batches/" + batchId + "/webhooks").body()).get("data").get(0);
        }
        assertEquals("delivered", delivery.get("state").asText(), delivery::toString);
        assertEquals(received.getFirst().id(), delivery.get("id").asText());
        assertEquals(500, delivery.get("attempts").get(0).get("status_code").asInt());
        assertEquals(200, delivery.get("attempts").get(1).get("status_code").asInt());
        assertTrue(!delivery.toString().contains("5e1f0a"), "the secret is never shown");
    }
}
