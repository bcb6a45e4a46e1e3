package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short real runs against this server's own emulator, steered through the plan's {@code headers}: the figures must
 * match what the emulator was told to do, and the API key must appear nowhere the server keeps or answers.
 */
class LoadTestRunIT {
    private static final String MARKER = "sk-e2e-marker-7d1f0c3a9b";
    // The test server's store and log, as the build tells failsafe where they are.
    private static final Path STORE = Path.of(CompletionLogFile.PATH);
    private static final Path LOG = Path.of(System.getProperty("workbench.it.log",
            "target/liberty/wlp/usr/servers/workbench-test/logs/messages.log"));

    private static JsonNode runTask(String body) throws Exception {
        HttpResponse<String> response = Server.postJson("/run-task/", body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains(MARKER));
        JsonNode answer = LoadTests.json(response);
        assertEquals("success", answer.get("status").asText(), response.body());
        return answer;
    }

    private static double share(JsonNode figures, String failure) {
        return figures.get("failures").path(failure).asDouble(0) / figures.get("requests").asDouble();
    }

    @Test
    void aRunWithNoHostMeasuresTheEmulatorsTimingAndExactLengths() throws Exception {
        JsonNode answer = runTask("""
                {"input_lens":"16","output_lens":"10","user":4,"rate":100,"time_":"2s","API_KEY":"%s",
                 "headers":{"X-TTFT-MS":"100","X-ITL-MS":"20"}}""".formatted(MARKER));
        JsonNode overall = answer.get("result").get("overall");
        System.out.println("event=e2e_timing ttft_ms=" + overall.get("ttft_ms") + " itl_ms=" + overall.get("itl_ms")
                + " requests=" + overall.get("requests"));
        assertTrue(overall.get("requests").asInt() >= 8, overall.toString());
        assertEquals(0, overall.get("failures").size(), overall.toString());
        // The emulator's TTFT counts from the request's arrival; loopback and a shared 2-core machine add a little.
        assertBetween(100, 130, overall.get("ttft_ms").get("p50").asDouble(), "ttft p50");
        assertBetween(19, 30, overall.get("itl_ms").get("p50").asDouble(), "itl p50");
        JsonNode step = answer.get("result").get("steps").get(0);
        assertEquals(16, step.get("input_len").asInt());
        assertEquals(10, step.get("output_len").asInt());
        assertEquals(10.0, step.get("output_tokens").get("mean").asDouble(), step.toString());

        JsonNode run = LoadTests.get(answer.get("id").asText());
        assertEquals("completed", run.get("status").asText());
        assertEquals(Server.URL + "/v1", run.get("plan").get("host").asText());
        assertEquals(answer.get("result"), run.get("result"));
    }

    @Test
    void theApiKeyIsNeitherStoredNorLoggedNorAnswered() throws Exception {
        String id = runTask("""
                {"input_lens":"4","output_lens":"2","user":1,"time_":"1s","API_KEY":"%s","headers":{"X-TTFT-MS":"1","X-ITL-MS":"1"}}"""
                .formatted(MARKER)).get("id").asText();
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/load-tests/" + id, "/api/load-tests?limit=100", "/api/load-tests/" + id + "/export?format=json",
                "/api/load-tests/" + id + "/export?format=csv", "/api/load-tests/" + id + "/events")) {
            answers.add(Server.get(path).body());
        }
        answers.forEach(body -> assertFalse(body.contains(MARKER), body));
        for (Path kept : List.of(STORE, Path.of(STORE + "-wal"), LOG)) {
            if (Files.exists(kept)) {
                assertFalse(new String(Files.readAllBytes(kept), java.nio.charset.StandardCharsets.ISO_8859_1).contains(MARKER), kept.toString());
            }
        }
        assertTrue(Files.exists(STORE), "the store is where the search looked");
        assertTrue(Files.exists(LOG), "the log is where the search looked");
    }

    @Test
    void injectedFailuresAreCountedAsHttp500ByTheirShare() throws Exception {
        JsonNode overall = runTask("""
                {"input_lens":"4","output_lens":"4","user":4,"rate":100,"time_":"2s",
                 "headers":{"X-TTFT-MS":"5","X-ITL-MS":"2","X-FAIL-RATE":"0.5"}}""").get("result").get("overall");
        assertTrue(overall.get("requests").asInt() >= 50, overall.toString());
        assertBetween(0.3, 0.7, share(overall, "http_500"), "http_500 share " + overall.get("failures"));
    }

    @Test
    void cutStreamsAreCountedAsStreamCutByTheirShare() throws Exception {
        JsonNode overall = runTask("""
                {"input_lens":"4","output_lens":"8","user":4,"rate":100,"time_":"2s",
                 "headers":{"X-TTFT-MS":"5","X-ITL-MS":"2","X-CUT-RATE":"0.5","X-CUT-AFTER-TOKENS":"3"}}""").get("result").get("overall");
        assertTrue(overall.get("requests").asInt() >= 50, overall.toString());
        assertBetween(0.3, 0.7, share(overall, "stream_cut"), "stream_cut share " + overall.get("failures"));
    }

    static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " = " + actual + ", expected " + low + ".." + high);
    }
}
