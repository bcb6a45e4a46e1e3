package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collate route {@code collatefail}, whose upstream ({@link CollateUpstream}) fails, expires or refuses its batches:
 * every waiting caller gets OpenAI's error shape, the lines that did finish are still delivered, and the status log
 * holds each status the upstream batch went through.
 */
class CollateFailuresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CollateUpstream upstream;

    @BeforeAll
    static void start() throws Exception {
        upstream = new CollateUpstream();
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    private static List<HttpResponse<String>> callers(String model, int count) throws Exception {
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"caller " + i + "\"}]}";
                calls.add(callers.submit(() -> CollateIT.post(body)));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get());
            }
            return responses;
        }
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").get("code").asText();
    }

    /** The callers' answers by the upstream batch they were in (a busy machine may split them over two windows). */
    private static Map<String, List<HttpResponse<String>>> byBatch(List<HttpResponse<String>> responses) {
        Map<String, List<HttpResponse<String>>> batches = new HashMap<>();
        responses.forEach(response -> batches.computeIfAbsent(response.headers().firstValue("X-Collate-Batch-Id").orElseThrow(),
                id -> new ArrayList<>()).add(response));
        return batches;
    }

    @Test
    void aFailedUpstreamBatchAnswersEveryWaitingCallerWithAnErrorAndItsStatusLogShowsEachStatus() throws Exception {
        List<HttpResponse<String>> responses = callers("collatefail-failed", 3);
        for (HttpResponse<String> response : responses) {
            CollateIT.assertError(response, 502, null);
            assertEquals("batch_failed", code(response));
        }
        for (Map.Entry<String, List<HttpResponse<String>>> batch : byBatch(responses).entrySet()) {
            JsonNode log = JSON.readTree(Server.get("/api/collate/batches/" + batch.getKey() + "/status").body());
            List<String> statuses = new ArrayList<>();
            log.get("data").forEach(row -> statuses.add(row.get("status").asText()));
            assertEquals(List.of("validating", "in_progress", "failed"), statuses, log.toString());
            assertEquals("collatefail", log.get("route").asText());
            log.get("data").forEach(row -> assertEquals(batch.getValue().size(), row.get("request_counts").get("total").asInt(),
                    row.toString()));
        }
        assertTrue(upstream.authorizations.contains("Bearer sk-marker-collate-9d8e"), "the route's key went upstream");
    }

    @Test
    void anExpiredUpstreamBatchDeliversTheLineThatFinishedAndFailsTheOthersWithBatchExpired() throws Exception {
        for (List<HttpResponse<String>> batch : byBatch(callers("collatefail-expired", 3)).values()) {
            int answered = 0;
            for (HttpResponse<String> response : batch) {
                if (response.statusCode() == 200) {
                    answered++;
                    assertEquals(JSON.readTree(CollateUpstream.completion()), JSON.readTree(response.body()));
                } else {
                    CollateIT.assertError(response, 502, null);
                    assertEquals("batch_expired", code(response));
                }
            }
            assertEquals(1, answered, "exactly the line in the batch's output file is answered");
        }
    }

    @Test
    void anUploadTheUpstreamRefusesFailsEveryCallerAtOnceWithBatchNotCreated() throws Exception {
        for (HttpResponse<String> response : callers("collatefail-refused", 2)) {
            CollateIT.assertError(response, 502, null);
            assertEquals("batch_not_created", code(response));
            assertTrue(response.body().contains("401"), response.body());
        }
    }

    @Test
    void anAsyncCallerOfAFailedBatchReadsTheErrorFromItsResultUrl() throws Exception {
        String body = "{\"model\":\"collatefail-failed\",\"messages\":[{\"role\":\"user\",\"content\":\"async\"}]}";
        HttpResponse<String> accepted = Server.postJson("/v1/chat/completions", body, "X-Collate-Mode", "async");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String url = JSON.readTree(accepted.body()).get("result_url").asText();
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> result = Server.get(url);
        while (result.statusCode() == 202 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            result = Server.get(url);
        }
        CollateIT.assertError(result, 502, null);
        assertEquals("batch_failed", code(result));
    }
}
