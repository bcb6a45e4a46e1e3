package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upstream faults through the gateway: unreachable routes, a slow one, one that does not speak HTTP, a rate limit,
 * injected failures and cut streams from the emulator behind the route {@code relay}. Each answer is OpenAI's error
 * shape (or the upstream's own, passed through), names the route, and is recorded with its status.
 */
class GatewayFaultsIT {
    private static FakeUpstream fake;

    @BeforeAll
    static void startFake() throws Exception {
        fake = new FakeUpstream();
    }

    @AfterAll
    static void stopFake() throws Exception {
        fake.close();
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private static Map<String, Object> rowOf(HttpResponse<String> response) throws Exception {
        return CompletionLogFile.row(response.headers().firstValue("x-request-id").orElseThrow());
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource({
            "refused-gpt-4o, , 502, upstream_unreachable, refused",
            "nowhere-gpt-4o, , 502, upstream_unreachable, nowhere",
            "fake-gpt-4o, malformed, 502, upstream_bad_response, fake",
            "fake-gpt-4o, truncated, 502, upstream_bad_response, fake",
            "fake-gpt-4o, slow, 504, upstream_timeout, fake",
            "hasty-gpt-4o, , 504, upstream_timeout, hasty"})
    void anUpstreamThatGivesNoAnswerIsAGatewayErrorInOpenAisShape(String model, String fakeMode, int status, String code,
                                                                   String route) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat(model, false),
                "X-Fake", fakeMode == null ? "ok" : fakeMode, "X-TTFT-MS", "3000");
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().matches("\\{\"error\":\\{\"message\":\"The upstream route '" + route + "' [^\"]+\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":\"" + code + "\"}}"), response.body());
        assertEquals(Optional.of(route), response.headers().firstValue("X-Gateway-Route"));
        assertTrue(response.headers().firstValue("X-Gateway-Overhead-Ms").isPresent());
        Map<String, Object> row = rowOf(response);
        assertEquals(status, row.get("status"));
        assertEquals(route, row.get("route"));
        assertTrue(row.get("error") instanceof String error && error.contains(route));
        assertEquals(null, row.get("total_tokens"));
    }

    @Test
    void anUpstreamRateLimitPassesThroughWithItsBodyAndRetryAfter() throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false), "X-Fake", "ratelimit");
        assertEquals(429, response.statusCode());
        assertEquals(FakeUpstream.RATE_LIMIT_BODY, response.body());
        assertEquals(Optional.of("7"), response.headers().firstValue("Retry-After"));
        assertEquals(429, rowOf(response).get("status"));
    }

    @ParameterizedTest(name = "X-FAIL-STATUS {0}")
    @CsvSource({"400", "429", "500", "503"})
    void anUpstreamsErrorStatusAndBodyReachTheCallerUnchanged(int status) throws Exception {
        HttpResponse<String> viaGateway = Server.postJson("/v1/chat/completions", chat("relay-gpt-4o", false),
                "X-FAIL-STATUS", Integer.toString(status));
        HttpResponse<String> direct = Server.postJson("/v1/chat/completions", chat("gpt-4o", false),
                "X-FAIL-STATUS", Integer.toString(status));
        assertEquals(status, viaGateway.statusCode());
        assertEquals(direct.body(), viaGateway.body());
        assertEquals(status, rowOf(viaGateway).get("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"relay-gpt-4o, relay, ok", "fake-gpt-4o, fake, cut"})
    void aStreamCutMidwayEndsWithAnErrorEventAndIsRecordedAsAnError(String model, String route, String fakeMode) throws Exception {
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat(model, true),
                "X-CUT-AFTER-TOKENS", "3", "X-OUTPUT-LENGTH", "10", "X-TTFT-MS", "5", "X-ITL-MS", "1", "X-Fake", fakeMode);
        assertEquals(200, response.statusCode());
        String[] events = response.body().strip().split("\n\n");
        assertTrue(events.length >= 2, response.body());
        assertFalse(response.body().contains("[DONE]"));
        String last = events[events.length - 1];
        assertTrue(last.startsWith("data: {\"error\":{\"message\":\"The upstream route '" + route + "' ended the stream"), last);
        assertTrue(last.contains("\"code\":\"upstream_stream_cut\""), last);
        Map<String, Object> row = rowOf(response);
        assertEquals(1, row.get("stream"));
        assertTrue(row.get("error") instanceof String error && error.contains("before it was complete"));
    }

    @Test
    void aRouteAtItsMaxConcurrencyAnswers503WhileItsRequestIsOpen() throws Exception {
        // The route fake takes one request at a time; a slow one holds it until the route's 1.5 s timeout.
        fake.received.clear();
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false), "X-Fake", "slow");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fake.received.stream().noneMatch(r -> "slow".equals(r.headers().get("x-fake"))) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        HttpResponse<String> refused = Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false));
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"upstream_busy\""), refused.body());
        assertEquals(504, slow.get().statusCode());
        assertEquals(200, Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false)).statusCode());
    }

    @Test
    void anAzureRouteCallsItsDeploymentWithItsApiVersionAndTheApiKeyHeader() throws Exception {
        fake.received.clear();
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat("azure-gpt-4o", false),
                "Authorization", "Bearer sk-marker-caller-5e6f");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Optional.of("azure"), response.headers().firstValue("X-Gateway-Route"));
        Map<String, String> sent = fake.received.getLast().headers();
        assertEquals("POST /openai/deployments/dep-1/chat/completions?api-version=2024-10-21 HTTP/1.1", sent.get(":request-line"));
        assertEquals("sk-marker-azure-4c5d", sent.get("api-key"));
        assertFalse(sent.containsKey("authorization"));
    }

    @Test
    void theRoutesKeyReplacesTheCallersAndTheOtherHeadersPass() throws Exception {
        fake.received.clear();
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat("fake-gpt-4o", false),
                "Authorization", "Bearer sk-marker-caller-5e6f", "api-key", "sk-marker-caller-azure", "X-Custom", "kept",
                "X-TTFT-MS", "25", "Accept-Encoding", "gzip");
        assertEquals(200, response.statusCode());
        assertEquals(FakeUpstream.OK_BODY, response.body());
        Map<String, String> sent = fake.received.getLast().headers();
        assertEquals("POST /v1/chat/completions HTTP/1.1", sent.get(":request-line"));
        assertEquals("Bearer sk-marker-fake-1b2c3d", sent.get("authorization"));
        assertFalse(sent.containsKey("api-key"));
        assertFalse(sent.containsKey("accept-encoding"));
        assertEquals("kept", sent.get("x-custom"));
        assertEquals("25", sent.get("x-ttft-ms"));
        assertTrue(sent.get("via").startsWith("1.1 workbench-"));
        assertEquals(chat("fake-gpt-4o", false), fake.received.getLast().body());

        Map<String, Object> row = rowOf(response);
        assertEquals("chatcmpl-fake1", row.get("completion_id"));
        assertEquals("fake-model-2024", row.get("model_used"));
        assertEquals("Fake answer.", row.get("content"));
        assertEquals(11, row.get("prompt_tokens"));
        assertEquals(3, row.get("completion_tokens"));
        assertEquals(14, row.get("total_tokens"));
    }
}
