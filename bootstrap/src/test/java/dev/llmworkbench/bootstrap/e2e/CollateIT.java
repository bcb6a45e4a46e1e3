package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The collating jump server against this server's own batch server (routes collate and collatecap, see bootstrap's
 * pom): concurrent callers in one upstream batch, each with its own answer; the window's limits; the three modes.
 * Each caller asks for a different number of tokens, and the emulator's usage counts exactly that many, so an answer
 * given to the wrong caller shows.
 */
class CollateIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String chat(String model, String prompt, int maxTokens) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}],\"max_tokens\":" + maxTokens + "}";
    }

    @Test
    void twentySyncCallersOfTheSdkAndOfPlainHttpShareOneUpstreamBatchAndEachGetsItsOwnCompletion() throws Exception {
        OpenAIClient sdk = Server.openAi();
        // Loads the SDK's classes first: on a busy machine that took longer than a window, and its ten callers came late.
        sdk.models().list();
        List<Future<Integer>> sdkCalls = new ArrayList<>();
        List<Future<HttpResponse<String>>> httpCalls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 10; i++) {
                int tokens = i;
                sdkCalls.add(callers.submit(() -> {
                    ChatCompletion completion = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                            .model("collate-mini").addUserMessage("SDK caller " + tokens).maxCompletionTokens(tokens).build());
                    assertEquals(tokens, completion.usage().orElseThrow().completionTokens(), "SDK caller " + tokens);
                    return tokens;
                }));
                int httpTokens = 10 + i;
                httpCalls.add(callers.submit(() -> post(chat("collate-mini", "HTTP caller " + httpTokens, httpTokens))));
            }
            for (Future<Integer> call : sdkCalls) {
                call.get();
            }
            Set<String> batchIds = new HashSet<>();
            for (int i = 0; i < httpCalls.size(); i++) {
                HttpResponse<String> response = httpCalls.get(i).get();
                assertEquals(200, response.statusCode(), response.body());
                assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
                JsonNode completion = JSON.readTree(response.body());
                assertEquals("chat.completion", completion.get("object").asText());
                assertEquals(11 + i, completion.get("usage").get("completion_tokens").asInt(), response.body());
                batchIds.add(response.headers().firstValue("X-Collate-Batch-Id").orElseThrow());
            }
            assertEquals(1, batchIds.size(), batchIds.toString());
            JsonNode log = JSON.readTree(Server.get("/api/collate/batches/" + batchIds.iterator().next() + "/status").body());
            JsonNode last = log.get("data").get(log.get("data").size() - 1);
            assertEquals("completed", last.get("status").asText(), log.toString());
            assertEquals(20, last.get("request_counts").get("total").asInt(), "the SDK's ten callers were in the same batch");
            assertEquals(20, last.get("request_counts").get("completed").asInt());
        }
    }

    @Test
    void aWindowClosesAtItsMaxRequestsSoFiveCallersOfCollatecapTakeThreeBatchesOfAtMostTwo() throws Exception {
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 5; i++) {
                int tokens = i;
                calls.add(callers.submit(() -> post(chat("collatecap-mini", "cap " + tokens, tokens))));
            }
            Map<String, Integer> perBatch = new HashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> response = calls.get(i).get();
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(i + 1, JSON.readTree(response.body()).get("usage").get("completion_tokens").asInt());
                perBatch.merge(response.headers().firstValue("X-Collate-Batch-Id").orElseThrow(), 1, Integer::sum);
            }
            assertEquals(3, perBatch.size(), perBatch.toString());
            assertTrue(perBatch.values().stream().allMatch(n -> n <= 2), perBatch.toString());
        }
    }

    @Test
    void aLoneRequestIsHeldForTheWholeWindowBeforeItsBatchIsSent() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = Server.postJson("/v1/chat/completions", chat("collatecap-mini", "alone", 3));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(tookMs >= 300, "answered after " + tookMs + " ms, before the 300 ms window closed");
    }

    @Test
    void asyncAnswers202WithTheBatchIdAndAResultUrlThatAnswersTheCompletionOnceDone() throws Exception {
        HttpResponse<String> accepted = Server.postJson("/v1/chat/completions", chat("collatecap-mini", "async", 7), "X-Collate-Mode", "async");
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode pending = JSON.readTree(accepted.body());
        assertTrue(pending.get("id").asText().startsWith("collreq_"), accepted.body());
        assertTrue(pending.get("batch_id").asText().startsWith("batch_"), accepted.body());
        String url = pending.get("result_url").asText();
        assertEquals("/api/collate/requests/" + pending.get("id").asText(), url);
        assertEquals(url, accepted.headers().firstValue("Location").orElseThrow());
        JsonNode completion = JSON.readTree(awaitResult(url).body());
        assertEquals("chat.completion", completion.get("object").asText());
        assertEquals(7, completion.get("usage").get("completion_tokens").asInt());
    }

    @Test
    void cacheServesAnIdenticalAnsweredRequestAtOnceWhateverItsKeyOrderAndHoldsADifferentOne() throws Exception {
        String prompt = "cache " + UUID.randomUUID();
        HttpResponse<String> first = Server.postJson("/v1/chat/completions", chat("collatecap-mini", prompt, 5), "X-Collate-Mode", "cache");
        assertEquals(202, first.statusCode(), first.body());
        String answer = awaitResult(JSON.readTree(first.body()).get("result_url").asText()).body();
        String reordered = "{\"max_tokens\":5,\"messages\":[{\"content\":\"" + prompt + "\",\"role\":\"user\"}],\"model\":\"collatecap-mini\"}";
        HttpResponse<String> hit = Server.postJson("/v1/chat/completions", reordered, "X-Collate-Mode", "cache");
        assertEquals(200, hit.statusCode(), hit.body());
        assertEquals("hit", hit.headers().firstValue("X-Collate-Cache").orElseThrow());
        assertEquals(answer, hit.body());
        HttpResponse<String> other = Server.postJson("/v1/chat/completions", chat("collatecap-mini", prompt, 6), "X-Collate-Mode", "cache");
        assertEquals(202, other.statusCode(), other.body());
    }

    @Test
    void whatACollateRouteCannotServeIsA400InOpenAisShapeAndUnknownIdsA404() throws Exception {
        String stream = "{\"model\":\"collate-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertError(Server.postJson("/v1/chat/completions", stream), 400, "stream");
        assertError(Server.postJson("/v1/chat/completions", chat("collate-mini", "hi", 2), "X-Collate-Mode", "later"), 400, null);
        assertError(Server.postJson("/v1/completions", "{\"model\":\"collate-mini\",\"prompt\":\"hi\"}"), 400, "model");
        assertError(Server.get("/api/collate/requests/collreq_000000000000000000000000"), 404, "id");
        assertError(Server.get("/api/collate/batches/batch_none/status"), 404, "batch_id");
    }

    /** A chat completion as plain HTTP, waiting as long as a busy machine may take to run its batch. */
    static HttpResponse<String> post(String json) throws Exception {
        return Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/chat/completions")).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> response, int status, String param) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().replace(";charset=UTF-8", ""));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertFalse(error.get("message").asText().isBlank(), response.body());
        assertTrue(error.has("type") && error.has("code"), response.body());
        assertEquals(param, error.get("param").isNull() ? null : error.get("param").asText(), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    static HttpResponse<String> awaitResult(String url) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> result = Server.get(url);
            if (result.statusCode() != 202 || System.nanoTime() > deadline) {
                assertEquals(200, result.statusCode(), result.body());
                return result;
            }
            Thread.sleep(100);
        }
    }
}
