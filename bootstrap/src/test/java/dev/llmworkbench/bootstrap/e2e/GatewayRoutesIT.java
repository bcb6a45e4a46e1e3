package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/routes} shows the test server's routes as its configuration (bootstrap's pom) sets them, with their
 * circuits and counters; the route brittle's circuit opens, refuses without calling, and tries again after its delay;
 * the models dual-* fall back from primary, which cannot be reached, to secondary.
 */
class GatewayRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private static JsonNode route(String name) throws Exception {
        for (JsonNode route : JSON.readTree(Server.get("/api/routes").body()).get("data")) {
            if (route.get("name").asText().equals(name)) {
                return route;
            }
        }
        throw new AssertionError("no route " + name);
    }

    @Test
    void listsEachRouteInTheConfiguredOrderThenTheEmulatorAndNoKey() throws Exception {
        HttpResponse<String> response = Server.get("/api/routes");
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("sk-marker"), response.body());
        JsonNode routes = JSON.readTree(response.body()).get("data");
        List<String> names = new ArrayList<>();
        routes.forEach(route -> names.add(route.get("name").asText()));
        assertEquals(List.of("relay", "hasty", "refused", "nowhere", "fake", "azure", "brittle", "primary", "secondary", "collate",
                        "collatecap", "collatefail", "emulator"),
                names);

        JsonNode hasty = routes.get(1);
        assertEquals("openai", hasty.get("kind").asText());
        assertEquals(Server.URL + "/v1", hasty.get("url").asText());
        assertEquals("hasty-*", hasty.get("models").get(0).asText());
        assertEquals(1000, hasty.get("timeout_ms").asInt());
        assertEquals(1024, hasty.get("max_concurrency").asInt());
        assertEquals(0, hasty.get("in_flight").asInt());
        assertEquals("closed", hasty.get("circuit").asText());
        assertTrue(hasty.get("requests").isIntegralNumber() && hasty.get("failures").isIntegralNumber());
        assertEquals("azure", routes.get(5).get("kind").asText());
        assertEquals(1, routes.get(4).get("max_concurrency").asInt());
        assertEquals("collate", routes.get(9).get("kind").asText());
        assertEquals("*", routes.get(routes.size() - 1).get("models").get(0).asText());
    }

    @Test
    void aRouteFailingTwiceInARowIsNotCalledUntilItsDelayHasPassedThenGetsOneTrial() throws Exception {
        long requestsBefore = route("brittle").get("requests").asLong();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = Server.postJson("/v1/chat/completions", chat("brittle-gpt-4o"));
            assertEquals(502, refused.statusCode(), refused.body());
        }
        JsonNode open = route("brittle");
        assertEquals("open", open.get("circuit").asText());
        assertEquals(requestsBefore + 2, open.get("requests").asLong());
        assertTrue(open.get("failures").asLong() >= 2);

        HttpResponse<String> shortCut = Server.postJson("/v1/chat/completions", chat("brittle-gpt-4o"));
        assertEquals(503, shortCut.statusCode(), shortCut.body());
        assertEquals("application/json", shortCut.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(shortCut.body().matches("\\{\"error\":\\{\"message\":\"The upstream route 'brittle' [^\"]+\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_circuit_open\"}}"), shortCut.body());
        assertEquals("2", shortCut.headers().firstValue("Retry-After").orElseThrow(), "1.5 s rounded up");
        assertEquals(requestsBefore + 2, route("brittle").get("requests").asLong(), "an open circuit does not call the upstream");
        assertEquals(503, CompletionLogFile.row(shortCut.headers().firstValue("x-request-id").orElseThrow()).get("status"));

        LockSupport.parkNanos(1_600_000_000L);
        assertEquals("half_open", route("brittle").get("circuit").asText());
        assertEquals(502, Server.postJson("/v1/chat/completions", chat("brittle-gpt-4o")).statusCode(), "the trial is a call");
        assertEquals(requestsBefore + 3, route("brittle").get("requests").asLong());
        assertEquals("open", route("brittle").get("circuit").asText(), "a failed trial opens it again");
    }

    @Test
    void aModelWhoseRouteCannotBeReachedIsServedByTheNextRouteClaimingItStreamedOrNot() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("dual-gpt-4o").addUserMessage("Hi")
                .putAdditionalHeader("X-OUTPUT-LENGTH", "4").putAdditionalHeader("X-TTFT-MS", "1")
                .putAdditionalHeader("X-ITL-MS", "1").build();
        HttpResponseFor<ChatCompletion> raw = Server.openAi().chat().completions().withRawResponse().create(params);
        assertEquals(200, raw.statusCode());
        assertEquals(List.of("secondary"), raw.headers().values("X-Gateway-Route"));
        assertEquals(4, raw.parse().usage().orElseThrow().completionTokens());
        Map<String, Object> row = CompletionLogFile.row(raw.headers().values("x-request-id").getFirst());
        assertEquals("secondary", row.get("route"));
        assertEquals(200, row.get("status"));

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> stream = Server.openAi().chat().completions().withRawResponse()
                .createStreaming(params)) {
            assertEquals(List.of("secondary"), stream.headers().values("X-Gateway-Route"));
            try (StreamResponse<ChatCompletionChunk> chunkStream = stream.parse()) {
                chunkStream.stream().forEach(chunks::add);
            }
        }
        assertTrue(chunks.stream().anyMatch(c -> c.choices().stream().anyMatch(ch -> ch.finishReason().isPresent())));
        assertTrue(route("primary").get("failures").asLong() >= 1, "primary was tried first");
    }
}
