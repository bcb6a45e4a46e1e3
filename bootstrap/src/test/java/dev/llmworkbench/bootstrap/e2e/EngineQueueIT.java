package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: with {@code max-num-seqs=16} and {@code max-waiting=4} per model, set live for these tests (the other
 * tests' traffic, batches of 32 lines at once among it, runs unlimited) and restored after. N + k
 * requests at once: N are served at once, k wait a whole turn (their wait is added to their TTFT),
 * and {@code vllm:num_requests_waiting} shows k meanwhile; past the queue, a 429 with Retry-After.
 */
class EngineQueueIT {
    @BeforeAll
    static void limitTheEngines() throws Exception {
        HttpResponse<String> patched = EmulatorSettingsApi.patch("{\"max-num-seqs\": " + BATCH + ", \"max-waiting\": " + QUEUE + "}");
        assertEquals(200, patched.statusCode(), patched.body());
    }

    @AfterAll
    static void restoreTheConfiguredSettings() throws Exception {
        assertEquals(200, EmulatorSettingsApi.reset().statusCode());
    }

    private static final int BATCH = 16;
    private static final int QUEUE = 4;
    private static final long TTFT_MS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpRequest request(String model) {
        return HttpRequest.newBuilder(URI.create(Server.URL + "/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-TTFT-MS", String.valueOf(TTFT_MS))
                .header("X-OUTPUT-LENGTH", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build();
    }

    /** Sends {@code count} requests at once; each future yields the request's latency in ms, after checking its 200. */
    private static List<CompletableFuture<Long>> sendAtOnce(String model, int count) {
        List<CompletableFuture<Long>> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            latencies.add(Server.HTTP.sendAsync(request(model), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                assertEquals(200, response.statusCode(), response.body());
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        return latencies;
    }

    private static VllmScrape awaitWaiting(String model, int waiting) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        VllmScrape scrape = VllmScrape.scrape();
        while (scrape.value("vllm:num_requests_waiting", model) != waiting && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = VllmScrape.scrape();
        }
        return scrape;
    }

    @Test
    void requestsBeyondTheBatchWaitATurnAndAreShownWaiting() throws Exception {
        String model = "engine-queue-" + UUID.randomUUID().toString().substring(0, 8);
        int waiting = 3;
        List<CompletableFuture<Long>> futures = sendAtOnce(model, BATCH + waiting);
        VllmScrape during = awaitWaiting(model, waiting);
        assertEquals(waiting, during.value("vllm:num_requests_waiting", model));
        assertEquals(BATCH, during.value("vllm:num_requests_running", model));

        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> future : futures) {
            latencies.add(future.get());
        }
        latencies.sort(null);
        for (long served : latencies.subList(0, BATCH)) {
            assertTrue(served >= TTFT_MS && served < 2 * TTFT_MS - 300, "served in the first turn: " + latencies);
        }
        for (long queued : latencies.subList(BATCH, BATCH + waiting)) {
            assertTrue(queued >= 2 * TTFT_MS - 50, "waited a whole turn first: " + latencies);
        }
        VllmScrape after = VllmScrape.scrape();
        assertEquals(BATCH + waiting, after.value("vllm:request_queue_time_seconds_count", model));
        assertTrue(after.value("vllm:request_queue_time_seconds_sum", model) >= waiting * (TTFT_MS - 100) / 1000.0);
        assertEquals(0, after.value("vllm:num_requests_running", model));
    }

    @Test
    void aRequestPastAFullQueueIsRefusedWith429AndRetryAfter() throws Exception {
        String model = "engine-full-" + UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Long>> futures = sendAtOnce(model, BATCH + QUEUE);
        assertEquals(QUEUE, awaitWaiting(model, QUEUE).value("vllm:num_requests_waiting", model));

        HttpResponse<String> refused = Server.HTTP.send(request(model), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").orElseThrow().matches("\\d+"));
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode error = JSON.readTree(refused.body()).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertEquals("requests", error.get("type").asText());
        assertTrue(error.get("param").isNull());
        for (CompletableFuture<Long> future : futures) {
            future.get();
        }
    }
}
