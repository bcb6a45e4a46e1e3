package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: vLLM's metrics at /vllm/metrics, scraped and parsed as Prometheus text: vLLM's names,
 * types, labels and bucket bounds (vllm/v1/metrics/loggers.py), and counts that move by exactly the
 * requests this test sent to a model of its own.
 */
class VllmMetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("vllm:num_requests_running", "gauge"),
            Map.entry("vllm:num_requests_waiting", "gauge"),
            Map.entry("vllm:kv_cache_usage_perc", "gauge"),
            Map.entry("vllm:time_to_first_token_seconds", "histogram"),
            Map.entry("vllm:inter_token_latency_seconds", "histogram"),
            Map.entry("vllm:e2e_request_latency_seconds", "histogram"),
            Map.entry("vllm:request_queue_time_seconds", "histogram"),
            Map.entry("vllm:prompt_tokens", "counter"),
            Map.entry("vllm:generation_tokens", "counter"),
            Map.entry("vllm:request_success", "counter"),
            Map.entry("vllm:prefix_cache_queries", "counter"),
            Map.entry("vllm:prefix_cache_hits", "counter"));
    private static final List<String> TTFT = List.of("0.001", "0.005", "0.01", "0.02", "0.04", "0.06", "0.08", "0.1", "0.25", "0.5",
            "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "20.0", "40.0", "80.0", "160.0", "640.0", "2560.0", "+Inf");
    private static final List<String> ITL = List.of("0.01", "0.025", "0.05", "0.075", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.75",
            "1.0", "2.5", "5.0", "7.5", "10.0", "20.0", "40.0", "80.0", "+Inf");
    private static final List<String> REQUEST_LATENCY = List.of("0.3", "0.5", "0.8", "1.0", "1.5", "2.0", "2.5", "5.0", "10.0", "15.0",
            "20.0", "30.0", "40.0", "50.0", "60.0", "120.0", "240.0", "480.0", "960.0", "1920.0", "7680.0", "+Inf");

    private final String model = "engine-metrics-" + UUID.randomUUID().toString().substring(0, 8);

    private int send(boolean stream) throws Exception {
        String body = "{\"model\":\"" + model + "\"," + (stream ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}," : "")
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count these tokens\"}]}";
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", body, "X-TTFT-MS", "20", "X-ITL-MS", "5", "X-OUTPUT-LENGTH", "4");
        assertEquals(200, response.statusCode(), response.body());
        String json = stream ? response.body().lines().filter(l -> l.contains("\"usage\":{")).findFirst().orElseThrow().substring(6) : response.body();
        return JSON.readTree(json).get("usage").get("prompt_tokens").asInt();
    }

    @Test
    void theScrapeHasVllmsNamesTypesLabelsAndBuckets() throws Exception {
        send(false);
        VllmScrape scrape = VllmScrape.scrape();
        assertTrue(scrape.contentType.startsWith("text/plain"), scrape.contentType);
        TYPES.forEach((name, type) -> assertEquals(type, scrape.types.get(name), name));
        for (VllmScrape.Sample sample : scrape.samples) {
            assertTrue(sample.labels().containsKey("model_name") && sample.labels().containsKey("engine"), sample.toString());
        }
        assertEquals(TTFT, scrape.bucketBounds("vllm:time_to_first_token_seconds", model));
        assertEquals(ITL, scrape.bucketBounds("vllm:inter_token_latency_seconds", model));
        assertEquals(REQUEST_LATENCY, scrape.bucketBounds("vllm:e2e_request_latency_seconds", model));
        assertEquals(REQUEST_LATENCY, scrape.bucketBounds("vllm:request_queue_time_seconds", model));
        for (String reason : List.of("stop", "length", "abort")) {
            assertTrue(scrape.samples.stream().anyMatch(s -> s.name().equals("vllm:request_success_total")
                    && reason.equals(s.labels().get("finished_reason")) && model.equals(s.labels().get("model_name"))), reason);
        }
    }

    @Test
    void countsMoveByExactlyTheRequestsSent() throws Exception {
        int promptTokens = 0;
        for (int i = 0; i < 3; i++) {
            promptTokens += send(false);
        }
        for (int i = 0; i < 2; i++) {
            promptTokens += send(true);
        }
        VllmScrape scrape = awaitFinished(5);
        assertEquals(5, scrape.value("vllm:request_success_total", Map.of("model_name", model, "finished_reason", "stop")));
        assertEquals(0, scrape.value("vllm:request_success_total", Map.of("model_name", model, "finished_reason", "abort")));
        assertEquals(20, scrape.value("vllm:generation_tokens_total", model));
        assertEquals(promptTokens, scrape.value("vllm:prompt_tokens_total", model));
        assertEquals(5, scrape.value("vllm:time_to_first_token_seconds_count", model));
        assertEquals(15, scrape.value("vllm:inter_token_latency_seconds_count", model), "3 gaps in each 4-token answer");
        assertEquals(5, scrape.value("vllm:e2e_request_latency_seconds_count", model));
        assertEquals(5, scrape.value("vllm:request_queue_time_seconds_count", model));
        assertEquals(0, scrape.value("vllm:time_to_first_token_seconds_bucket", Map.of("model_name", model, "le", "0.01")),
                "no first token before its 20 ms");
        assertEquals(0, scrape.value("vllm:num_requests_running", model));
        assertEquals(0, scrape.value("vllm:num_requests_waiting", model));
        double ttftSum = scrape.value("vllm:time_to_first_token_seconds_sum", model);
        assertTrue(ttftSum >= 5 * 0.020 && ttftSum < 5 * 0.5, "TTFT sum " + ttftSum);
    }

    /** A stream's statistics are recorded just after its last event, so the scrape waits for them. */
    private VllmScrape awaitFinished(int requests) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        VllmScrape scrape = VllmScrape.scrape();
        while (scrape.value("vllm:e2e_request_latency_seconds_count", model) < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = VllmScrape.scrape();
        }
        return scrape;
    }
}
