package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access control on a server started with API keys (from a key file) and a per-key request limit: every endpoint
 * family refuses a request without a key or with a wrong one, in its own error shape, and serves one with a right key
 * in either header; the page's files and the probes stay open; the server's own loopback calls (batch lines, a load
 * test of its emulator, a gateway route back at itself) still work; a key past its limit gets a 429 with Retry-After.
 */
class AccessControlIT {
    private static final String KEY = "sk-access-right-3b8e";
    private static final String RATE_KEY = "sk-access-rate-9d21";
    private static final String WRONG = "sk-access-wrong-51aa";
    private static final int PER_MINUTE = 200;
    private static ExtraServer server;

    @BeforeAll
    static void start() throws Exception {
        Path keys = Files.createTempFile("workbench-keys", ".txt");
        Files.writeString(keys, "# the access test's keys\n\n" + KEY + "\n" + RATE_KEY + "\n");
        server = ExtraServer.start("workbench-access", Map.of(
                "workbench.auth.api-keys", "file:" + keys,
                "workbench.auth.requests-per-minute", Integer.toString(PER_MINUTE),
                "workbench.upstream.routes", "self",
                "workbench.upstream.self.url", "http://localhost:{port}/v1",
                "workbench.upstream.self.api-key", "sk-route-not-a-server-key",
                "workbench.upstream.self.models", "self-*"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** One request of each endpoint family: method, path, body (null for none). */
    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Call> families() {
        String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return List.of(
                new Call("GET", "/v1/models", null),
                new Call("POST", "/v1/chat/completions", chat),
                new Call("POST", "/v1/chat/completions", "{\"model\":\"self-relay\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                new Call("POST", "/v1/completions", "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"hi\"}"),
                new Call("POST", "/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}"),
                new Call("POST", "/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"hi\"}"),
                new Call("GET", "/v1/responses/resp_absent", null),
                new Call("GET", "/v1/files", null),
                new Call("GET", "/v1/batches", null),
                new Call("GET", "/api/load-tests", null),
                new Call("POST", "/run-task/", "{\"input_lens\":\"4\",\"output_lens\":\"2\",\"user\":1,\"time_\":\"1s\","
                        + "\"headers\":{\"X-TTFT-MS\":\"1\",\"X-ITL-MS\":\"1\"}}"),
                new Call("POST", "/process-payload/", "{\"payload\":\"hi\"}"),
                new Call("GET", "/api/completions", null),
                new Call("GET", "/api/usage", null),
                new Call("GET", "/api/routes", null),
                new Call("GET", "/api/emulator/config", null));
    }

    private static HttpResponse<String> call(Call call, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + call.path()));
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.send(request, all);
    }

    /** The 401 in the path's own shape, and never the key that was sent. */
    private static void assertRefused(Call call, HttpResponse<String> response, String sent) {
        assertEquals(401, response.statusCode(), call + ": " + response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], call.toString());
        JsonNode body = BatchFlow.json(response.body());
        if (call.path().startsWith("/process-payload")) {
            assertTrue(body.get("detail").asText().contains("API key"), response.body());
        } else if (call.path().startsWith("/run-task")) {
            assertEquals("error", body.get("status").asText(), response.body());
            assertTrue(body.get("error").asText().contains("API key"), response.body());
        } else {
            assertEquals("invalid_api_key", body.get("error").get("code").asText(), response.body());
            assertEquals("invalid_request_error", body.get("error").get("type").asText(), response.body());
        }
        if (sent != null) {
            assertFalse(response.body().contains(sent), response.body());
            response.headers().map().values().forEach(values -> assertFalse(values.toString().contains(sent), values.toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyEndpointFamilyRefusesARequestWithoutAKeyOrWithAWrongOneInEitherHeader(Call call) throws Exception {
        assertRefused(call, call(call), null);
        assertRefused(call, call(call, "Authorization", "Bearer " + WRONG), WRONG);
        assertRefused(call, call(call, "api-key", WRONG), WRONG);
        assertRefused(call, call(call, "Authorization", "Basic " + WRONG), WRONG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyEndpointFamilyServesARightKeyInEitherHeader(Call call) throws Exception {
        for (String[] header : List.of(new String[]{"Authorization", "Bearer " + KEY}, new String[]{"api-key", KEY})) {
            HttpResponse<String> response = call(call, header);
            assertNotEquals(401, response.statusCode(), call + " " + header[0] + ": " + response.body());
            assertNotEquals(429, response.statusCode(), call + " " + header[0] + ": " + response.body());
            assertTrue(response.statusCode() < 500, call + " " + header[0] + ": " + response.body());
            assertFalse(response.body().contains(KEY), response.body());
            if (call.path().equals("/v1/responses/resp_absent")) {
                assertEquals(404, response.statusCode(), response.body());
            } else if (!call.path().startsWith("/process-payload")) {
                // process-payload without ENDPOINT answers from the emulator too; every other family answers 200.
                assertEquals(200, response.statusCode(), call + " " + header[0] + ": " + response.body());
            }
        }
    }

    @Test
    void aGatewayRouteBackAtThisServerWorksThoughItsKeyIsNotOneOfTheServers() throws Exception {
        HttpResponse<String> response = call(new Call("POST", "/v1/chat/completions",
                "{\"model\":\"self-relay\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "Authorization", "Bearer " + KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("self", response.headers().firstValue("X-Gateway-Route").orElse(""), response.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/app.css", "/page/api.js", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js",
            "/health", "/health/ready", "/health/live", "/health/started", "/metrics", "/vllm/metrics"})
    void thePageFilesTheProbesAndTheMetricsAnswerWithoutAKey(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
    }

    @Test
    void theOpenAiSdkWorksWithTheRightKeyAndGetsItsUnauthorizedExceptionWithAWrongOne() {
        OpenAIClient right = OpenAIOkHttpClient.builder().baseUrl(server.url() + "/v1").apiKey(KEY).maxRetries(0).build();
        ChatCompletion completion = right.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o").addUserMessage("Hello").putAdditionalHeader("X-OUTPUT-LENGTH", "5").build());
        assertEquals(5, completion.usage().orElseThrow().completionTokens());
        OpenAIClient wrong = OpenAIOkHttpClient.builder().baseUrl(server.url() + "/v1").apiKey(WRONG).maxRetries(0).build();
        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> wrong.chat().completions()
                .create(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello").build()));
        assertEquals(401, refused.statusCode());
        assertFalse(String.valueOf(refused.getMessage()).contains(WRONG));
    }

    @Test
    void aBatchCompletesThoughItsLinesAreSentBackToTheKeyedServer() throws Exception {
        KeyedCalls calls = new KeyedCalls(server, KEY);
        JsonNode ended = calls.batch("access", 5, Duration.ofSeconds(120));
        assertEquals("completed", ended.get("status").asText(), ended.toString());
        assertEquals(5, ended.get("request_counts").get("completed").asInt(), ended.toString());
        for (JsonNode line : calls.content(ended.get("output_file_id").asText())) {
            assertEquals(200, line.get("response").get("status_code").asInt(), line.toString());
        }
    }

    @Test
    void aLoadTestOfThisServersEmulatorCompletesWithNoKeyOfItsOwnAndWithTheCallersKey() throws Exception {
        KeyedCalls calls = new KeyedCalls(server, KEY);
        for (String apiKey : List.of("", ",\"API_KEY\":\"" + KEY + "\"")) {
            HttpResponse<String> answer = calls.postJson("/run-task/", "{\"input_lens\":\"4\",\"output_lens\":\"3\",\"user\":2,\"time_\":\"2s\","
                    + "\"headers\":{\"X-TTFT-MS\":\"5\",\"X-ITL-MS\":\"5\"}" + apiKey + "}");
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode overall = BatchFlow.json(answer.body()).get("result").get("overall");
            assertTrue(overall.get("requests").asInt() > 0, overall.toString());
            assertEquals(0, overall.get("failures").size(), overall.toString());
        }
    }

    @Test
    void aLoadTestOfThisServerWithAWrongKeyCountsItsRefusals() throws Exception {
        HttpResponse<String> answer = new KeyedCalls(server, KEY).postJson("/run-task/", "{\"input_lens\":\"4\",\"output_lens\":\"3\",\"user\":1,"
                + "\"time_\":\"1s\",\"API_KEY\":\"" + WRONG + "\",\"headers\":{\"X-TTFT-MS\":\"5\",\"X-ITL-MS\":\"5\"}}");
        assertFalse(answer.body().contains(WRONG), answer.body());
        JsonNode overall = BatchFlow.json(answer.body()).path("result").path("overall");
        assertTrue(answer.statusCode() != 200 || overall.get("failures").size() > 0, answer.body());
    }

    @Test
    void aKeyPastItsRequestsPerMinuteGets429WithRetryAfterWhileAnotherKeyIsServed() throws Exception {
        HttpResponse<String> limited = null;
        for (int i = 0; i <= PER_MINUTE + 50 && limited == null; i++) {
            HttpResponse<String> response = server.get("/v1/models", "Authorization", "Bearer " + RATE_KEY);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
            }
        }
        assertTrue(limited != null, "no 429 after " + (PER_MINUTE + 50) + " requests");
        JsonNode error = BatchFlow.json(limited.body()).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText(), limited.body());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        // A minute's allowance refills continuously: one request's worth comes back within 60 s / limit, rounded up.
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, server.get("/v1/models", "Authorization", "Bearer " + KEY).statusCode());
    }
}
