package dev.llmworkbench.bootstrap.e2e;

import static dev.llmworkbench.bootstrap.e2e.LoadTestRunIT.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every scenario and every load shape, run briefly against this server's own emulator: each request must come back
 * whole with the lengths asked for, as the emulator bills them.
 */
class LoadTestScenariosIT {
    private static final String FAST = "\"headers\":{\"X-TTFT-MS\":\"5\",\"X-ITL-MS\":\"2\"}";

    private static JsonNode result(String body) throws Exception {
        HttpResponse<String> response = Server.postJson("/run-task/", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = LoadTests.json(response);
        assertEquals("success", answer.get("status").asText(), response.body());
        return answer.get("result");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat_completions", "chat_completions_nonstream", "completions", "responses"})
    void eachTextScenarioGetsTheLengthsItAskedFor(String tag) throws Exception {
        JsonNode step = result("""
                {"model":"gpt-4o","tags":"%s","input_lens":"32","output_lens":"16","user":2,"time_":"1s",%s}"""
                .formatted(tag, FAST)).get("steps").get(0);
        assertTrue(step.get("requests").asInt() >= 2, step.toString());
        assertEquals(0, step.get("failures").size(), step.toString());
        assertEquals(step.get("requests").asInt(), step.get("scenarios").get(tag).asInt(), step.toString());
        assertEquals(32.0, step.get("input_tokens").get("mean").asDouble(), step.toString());
        assertEquals(16.0, step.get("output_tokens").get("mean").asDouble(), step.toString());
        assertEquals(false, step.get("output_length_ignored").asBoolean(), step.toString());
    }

    @Test
    void aMixOfChatAndEmbeddingsSendsBothByTheirWeights() throws Exception {
        JsonNode overall = result("""
                {"tags":"chat_completions:3,embeddings:1","input_lens":"8","output_lens":"4","user":4,"rate":100,
                 "time_":"2s",%s}""".formatted(FAST)).get("overall");
        assertEquals(0, overall.get("failures").size(), overall.toString());
        double chat = overall.get("scenarios").get("chat_completions").asDouble();
        double embeddings = overall.get("scenarios").get("embeddings").asDouble();
        assertTrue(chat + embeddings >= 40, overall.toString());
        // Closed-loop users send again as soon as answered, and embeddings answer faster than a 4-token stream.
        assertBetween(0.1, 0.7, embeddings / (chat + embeddings), "embeddings share " + overall.get("scenarios"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synchronous", "throughput", "constant", "poisson"})
    void eachLoadShapeRunsWithoutFailures(String type) throws Exception {
        JsonNode result = result("""
                {"input_lens":"8","output_lens":"4","user":4,"rate":20,"time_":"2s","load":{"type":"%s"},%s}"""
                .formatted(type, FAST));
        JsonNode overall = result.get("overall");
        assertTrue(overall.get("requests").asInt() >= 10, overall.toString());
        assertEquals(0, overall.get("failures").size(), overall.toString());
        assertEquals(4.0, overall.get("output_tokens").get("mean").asDouble(), overall.toString());
        if (type.equals("constant")) {
            // 20 requests a second for 2 s, sent on schedule whatever the answers do.
            assertBetween(34, 42, overall.get("requests").asDouble(), "requests at 20/s for 2 s");
        }
    }

    @Test
    void aStepEndsAfterMaxRequests() throws Exception {
        JsonNode overall = result("""
                {"input_lens":"8","output_lens":"4","user":2,"time_":"30s","max_requests":7,%s}""".formatted(FAST))
                .get("overall");
        assertEquals(7, overall.get("requests").asInt(), overall.toString());
        assertTrue(overall.get("duration_s").asDouble() < 15, overall.toString());
    }

    @Test
    void aSweepRunsSynchronousThroughputAndTheConstantRatesBetween() throws Exception {
        JsonNode step = result("""
                {"input_lens":"8","output_lens":"4","user":4,"rate":2,"time_":"4s","load":{"type":"sweep"},%s}"""
                .formatted(FAST)).get("steps").get(0);
        JsonNode results = step.get("sweep").get("results");
        assertEquals(4, results.size(), step.get("sweep").toString());
        assertEquals("synchronous", results.get(0).get("type").asText());
        assertEquals("throughput", results.get(1).get("type").asText());
        assertEquals("constant", results.get(2).get("type").asText());
        assertTrue(results.get(2).get("rate").asDouble() < results.get(3).get("rate").asDouble(), step.get("sweep").toString());
    }
}
