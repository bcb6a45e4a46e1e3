package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What operators probe: /health and its three checks, and /metrics moving with known requests. */
class HealthAndMetricsIT {
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    @Test
    void healthEndpointsAnswerUpEachProbeUnderItsOwnName() throws Exception {
        // The test server has gateway routes, so readiness also has the gateway's check.
        Map<String, Set<String>> probes = Map.of("/health/live", Set.of("emulator-live"),
                "/health/ready", Set.of("emulator-ready", "gateway-ready"), "/health/started", Set.of("emulator-started"));
        Set<String> every = new HashSet<>();
        for (var probe : probes.entrySet()) {
            JsonNode health = healthOf(probe.getKey());
            Set<String> names = new HashSet<>();
            health.get("checks").forEach(check -> names.add(check.get("name").asText()));
            assertEquals(probe.getValue(), names, probe.getKey() + " " + health);
            every.addAll(probe.getValue());
        }
        JsonNode all = healthOf("/health");
        Set<String> names = new HashSet<>();
        all.get("checks").forEach(check -> names.add(check.get("name").asText()));
        assertEquals(every, names, all.toString());
    }

    private static JsonNode healthOf(String path) throws Exception {
        HttpResponse<String> response = Server.get(path);
        assertEquals(200, response.statusCode(), path);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertEquals("UP", health.get("status").asText(), path + " " + response.body());
        return health;
    }

    @Test
    void metricsPublishTheEmulatorsCountersAndHistograms() throws Exception {
        Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"stream\":true,"), "X-TTFT-MS", "0", "X-ITL-MS", "0");
        String metrics = PrometheusText.scrape().toString();
        for (String name : List.of("emulator_requests_total", "emulator_tokens_emitted_total", "emulator_streams_in_flight",
                "emulator_requests_in_flight", "emulator_ttft_seconds", "emulator_itl_seconds",
                // histogram buckets from META-INF/microprofile-config.properties
                "emulator_ttft_seconds_bucket", "emulator_itl_seconds_bucket")) {
            assertTrue(metrics.contains(name), name + " missing from\n" + metrics);
        }
    }

    /** End-to-end tests run one at a time, so between two scrapes only these requests reach the server. */
    @Test
    void metricsCountKnownRequestsTokensAndTimings() throws Exception {
        Map<String, String> accepted = Map.of("endpoint", "chat.completions", "status", "200");
        Map<String, String> rejected = Map.of("endpoint", "chat.completions", "status", "429");
        PrometheusText before = PrometheusText.scrape();

        assertEquals(200, Server.postJson("/v1/chat/completions", HELLO,
                "X-TTFT-MS", "0", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "5").statusCode());
        assertEquals(200, Server.postJson("/v1/chat/completions", HELLO.replaceFirst("\\{", "{\"stream\":true,"),
                "X-TTFT-MS", "200", "X-ITL-MS", "0", "X-OUTPUT-LENGTH", "4").statusCode());
        assertEquals(429, Server.postJson("/v1/chat/completions", HELLO, "X-FAIL-STATUS", "429").statusCode());

        PrometheusText after = PrometheusText.scrape();
        assertEquals(2, after.value("emulator_requests_total", accepted) - before.value("emulator_requests_total", accepted), after.toString());
        assertEquals(1, after.value("emulator_requests_total", rejected) - before.value("emulator_requests_total", rejected), after.toString());
        assertEquals(5 + 4, after.value("emulator_tokens_emitted_total") - before.value("emulator_tokens_emitted_total"), after.toString());
        // only the stream is timed: its first token once, then the three gaps between its four tokens
        assertEquals(1, after.value("emulator_ttft_seconds_count") - before.value("emulator_ttft_seconds_count"), after.toString());
        assertEquals(3, after.value("emulator_itl_seconds_count") - before.value("emulator_itl_seconds_count"), after.toString());
        double ttftSeconds = after.value("emulator_ttft_seconds_sum") - before.value("emulator_ttft_seconds_sum");
        assertTrue(ttftSeconds >= 0.2 && ttftSeconds < 0.6, "TTFT recorded " + ttftSeconds + " s for X-TTFT-MS 200");
        Map<String, String> below = Map.of("le", "0.15");
        assertEquals(0, after.value("emulator_ttft_seconds_bucket", below) - before.value("emulator_ttft_seconds_bucket", below),
                "a 200 ms TTFT is not in the 150 ms bucket\n" + after);
        Map<String, String> all = Map.of("le", "+Inf");
        assertEquals(1, after.value("emulator_ttft_seconds_bucket", all) - before.value("emulator_ttft_seconds_bucket", all), after.toString());
    }
}
