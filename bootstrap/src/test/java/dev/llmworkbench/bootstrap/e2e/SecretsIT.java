package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every feature run once on a server started with marker secrets (its API keys, a route's key, the webhook secret,
 * a load test's target key), then everything the server kept or said searched for them: every file under its logs
 * and data directories (the SQLite file, its write-ahead log, stored files), every export, every answer's body and
 * headers, the webhook deliveries it sent, and the page's files. GatewaySecretsIT does the gateway's paths on the
 * shared test server; this is the whole server with access control on.
 */
class SecretsIT {
    private static final Pattern MARKER = Pattern.compile("sk-marker-[a-z]+-[0-9a-f]+");
    private static final String AUTH_KEY = "sk-marker-auth-4e7a1c";
    private static final String LOAD_KEY = "sk-marker-loadtest-2b9f";
    private static final String ROUTE_KEY = "sk-marker-route-8c3d";
    private static final String WEBHOOK_SECRET = "sk-marker-webhook-5a60";
    private static final List<String> DELIVERIES = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static ExtraServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhook", exchange -> {
            DELIVERIES.add(exchange.getRequestHeaders().toString() + "\n" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        server = ExtraServer.start("workbench-secrets", Map.of(
                // The load test's key is a server key too, so its run of this server is served.
                "workbench.auth.api-keys", AUTH_KEY + "," + LOAD_KEY,
                "workbench.upstream.routes", "self",
                "workbench.upstream.self.url", "http://localhost:{port}/v1",
                "workbench.upstream.self.api-key", ROUTE_KEY,
                "workbench.upstream.self.models", "self-*",
                "workbench.webhooks.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook",
                "workbench.webhooks.secret", WEBHOOK_SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    @Test
    void noMarkerSecretIsInAnyAnswerExportDeliveryLogOrStoredByte() throws Exception {
        KeyedCalls calls = new KeyedCalls(server, AUTH_KEY);
        assertEquals(200, calls.postJson("/v1/chat/completions", chat("gpt-4o", false), "X-TTFT-MS", "1").statusCode());
        assertEquals(200, calls.postJson("/v1/chat/completions", chat("gpt-4o", true), "X-TTFT-MS", "1", "X-ITL-MS", "1").statusCode());
        HttpResponse<String> routed = calls.postJson("/v1/chat/completions", chat("self-gpt-4o", false), "X-TTFT-MS", "1");
        assertEquals(200, routed.statusCode(), routed.body());
        assertEquals("self", routed.headers().firstValue("X-Gateway-Route").orElse(""));
        assertEquals(200, calls.postJson("/v1/responses", "{\"model\":\"self-gpt-4o\",\"input\":\"Hi\"}", "X-TTFT-MS", "1").statusCode());
        assertEquals(200, calls.postJson("/process-payload/", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").statusCode());
        calls.postJson("/v1/chat/completions", chat("gpt-4o", false), "X-FAIL-KIND", "invalid_api_key");
        calls.seen().add(server.get("/v1/models", "Authorization", "Bearer sk-marker-wrong-0f0f"));
        calls.seen().add(server.post("/run-task/", "{}", "api-key", "sk-marker-wrong-0f0e"));

        JsonNode batch = calls.batch("secret", 3, Duration.ofSeconds(120));
        assertEquals("completed", batch.get("status").asText(), batch.toString());
        calls.content(batch.get("output_file_id").asText());
        calls.content(batch.get("input_file_id").asText());
        awaitDelivery();
        calls.get("/api/batches/" + batch.get("id").asText() + "/webhooks");

        // A named host may be vLLM, so ignore_eos is sent unless turned off; the emulator refuses it as OpenAI does.
        HttpResponse<String> run = calls.postJson("/run-task/", "{\"input_lens\":\"4\",\"output_lens\":\"2\",\"user\":1,\"time_\":\"1s\","
                + "\"host\":\"" + server.url() + "/v1\",\"ignore_eos\":false,\"API_KEY\":\"" + LOAD_KEY + "\",\"headers\":{\"X-TTFT-MS\":\"1\",\"X-ITL-MS\":\"1\"}}");
        assertEquals(200, run.statusCode(), run.body());
        JsonNode overall = BatchFlow.json(run.body()).get("result").get("overall");
        assertEquals(0, overall.get("failures").size(), "the target's key was accepted: " + overall);
        String runId = BatchFlow.json(run.body()).get("id").asText();
        for (String path : List.of("/api/load-tests/" + runId, "/api/load-tests?limit=100", "/api/load-tests/" + runId + "/export?format=csv",
                "/api/load-tests/" + runId + "/export?format=json", "/api/load-tests/" + runId + "/events", "/api/completions?limit=100",
                "/api/usage", "/api/routes", "/api/emulator/config", "/v1/files", "/v1/batches", "/v1/models")) {
            assertEquals(200, calls.get(path).statusCode(), path);
        }
        for (JsonNode row : BatchFlow.json(calls.get("/api/completions?limit=100").body()).get("data")) {
            calls.get("/api/completions/" + row.get("id").asText());
        }
        List<String> page = new ArrayList<>();
        for (String path : List.of("/", "/app.js", "/app.css", "/page/api.js", "/page/load-tests.js", "/page/playground.js")) {
            page.add(server.get(path).body());
        }

        calls.seen().forEach(answer -> {
            assertFalse(MARKER.matcher(answer.body()).find(), answer.uri() + ": " + answer.body());
            assertFalse(MARKER.matcher(answer.headers().map().toString()).find(), answer.uri() + ": " + answer.headers().map());
        });
        page.forEach(text -> assertFalse(MARKER.matcher(text).find(), text));
        assertFalse(DELIVERIES.isEmpty(), "a webhook was delivered");
        DELIVERIES.forEach(delivery -> assertFalse(MARKER.matcher(delivery).find(), delivery));
        // The store while the server runs (its write-ahead log holds the latest writes), then everything once it stopped.
        List<Path> searched = searchEveryFile(server.directory().resolve("data"));
        assertTrue(searched.stream().anyMatch(path -> path.getFileName().toString().equals("workbench.db")), "the store was searched: " + searched);
        server.close();
        searchEveryFile(server.directory().resolve("data"));
        searched = searchEveryFile(server.logs());
        assertTrue(searched.stream().anyMatch(path -> path.getFileName().toString().equals("messages.log")), "the log was searched: " + searched);
    }

    private static void awaitDelivery() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (DELIVERIES.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Every file under {@code root}, read as bytes (the SQLite pages, its WAL and a trace included); returns them. */
    private static List<Path> searchEveryFile(Path root) throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(MARKER.matcher(text).find(), file + " holds a marker secret");
        }
        return files;
    }
}
