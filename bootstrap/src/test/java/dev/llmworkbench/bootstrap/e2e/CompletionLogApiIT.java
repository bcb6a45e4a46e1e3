package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/completions}, {@code /api/completions/{id}} and {@code /api/usage} over completions made here. */
class CompletionLogApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = Server.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    /** Three completions of a model of its own through the route relay, oldest first, with the usage each answer gave. */
    private static List<JsonNode> threeCompletions(String model) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            HttpResponse<String> response = Server.postJson("/v1/chat/completions", "{\"model\":\"" + model + "\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to " + n + "\"}]}", "X-OUTPUT-LENGTH", Integer.toString(n),
                    "X-TTFT-MS", "1", "X-ITL-MS", "1");
            assertEquals(200, response.statusCode(), response.body());
            ObjectNode answer = (ObjectNode) json(response.body());
            answers.add(answer.put("request_id", response.headers().firstValue("x-request-id").orElseThrow()));
        }
        return answers;
    }

    private static JsonNode waitForRows(String query, int rows) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode page = get(query);
        while (page.get("data").size() < rows && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000L);
            page = get(query);
        }
        return page;
    }

    @Test
    void pagesRunNewestFirstWithACursorAndEachRowHasTheIssuesFields() throws Exception {
        String model = "relay-log-" + UUID.randomUUID();
        List<JsonNode> answers = threeCompletions(model);
        String byModel = "/api/completions?model=" + URLEncoder.encode(model, StandardCharsets.UTF_8);
        JsonNode all = waitForRows(byModel, 3);
        assertEquals(3, all.get("data").size());
        assertEquals(false, all.get("has_more").booleanValue());

        JsonNode first = get(byModel + "&limit=2");
        JsonNode rows = first.get("data");
        assertEquals(List.of(answers.get(2).get("request_id").asText(), answers.get(1).get("request_id").asText()),
                List.of(rows.get(0).get("id").asText(), rows.get(1).get("id").asText()));
        assertEquals(true, first.get("has_more").booleanValue());
        assertEquals(answers.get(1).get("request_id").asText(), first.get("next").asText());
        JsonNode second = get(byModel + "&limit=2&after=" + first.get("next").asText());
        assertEquals(answers.get(0).get("request_id").asText(), second.get("data").get(0).get("id").asText());
        assertEquals(false, second.get("has_more").booleanValue());

        JsonNode row = get("/api/completions/" + answers.get(2).get("request_id").asText());
        JsonNode usage = answers.get(2).get("usage");
        assertEquals(model, row.get("model").asText());
        assertEquals("relay", row.get("route").asText());
        assertEquals("[{\"role\":\"user\",\"content\":\"Count to 3\"}]", row.get("messages").toString());
        assertEquals(answers.get(2).get("choices").get(0).get("message").get("content").asText(),
                row.get("content").asText());
        assertEquals(usage.get("prompt_tokens").asInt(), row.get("prompt_tokens").asInt());
        assertEquals(3, row.get("completion_tokens").asInt());
        assertEquals(usage.get("total_tokens").asInt(), row.get("total_tokens").asInt());
        assertEquals(answers.get(2).get("created").asLong(), row.get("created").asLong(), 5);
        assertTrue(row.get("ttft_ms").asDouble() <= row.get("latency_ms").asDouble());
        assertEquals(false, row.get("stream").booleanValue());
        assertEquals(200, row.get("status").asInt());
        assertTrue(row.get("error").isNull());
        assertEquals(answers.get(2).get("id").asText(), row.get("completion_id").asText());
    }

    @Test
    void usageSumsTheDaysRequestsAndTokensOfAModelOnARoute() throws Exception {
        String model = "relay-usage-" + UUID.randomUUID();
        List<JsonNode> answers = threeCompletions(model);
        waitForRows("/api/completions?model=" + model, 3);
        JsonNode sum = get("/api/usage").get("data").findParents("model").stream()
                .filter(u -> u.get("model").asText().equals(model)).findFirst().orElseThrow();
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), sum.get("day").asText());
        assertEquals("relay", sum.get("route").asText());
        assertEquals(3, sum.get("requests").asInt());
        assertEquals(answers.stream().mapToInt(a -> a.get("usage").get("prompt_tokens").asInt()).sum(), sum.get("prompt_tokens").asInt());
        assertEquals(1 + 2 + 3, sum.get("completion_tokens").asInt());
        assertEquals(answers.stream().mapToInt(a -> a.get("usage").get("total_tokens").asInt()).sum(), sum.get("total_tokens").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "limit=0, limit", "limit=101, limit", "limit=ten, limit", "status=2000, status", "status=abc, status",
            "since=yesterday, since", "until=2026-13-01T00:00:00Z, until"})
    void aBadFilterIsA400NamingIt(String query, String param) throws Exception {
        HttpResponse<String> response = Server.get("/api/completions?" + query);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(param, json(response.body()).get("error").get("param").asText());
    }

    @Test
    void anUnknownIdIsA404InOpenAisShape() throws Exception {
        HttpResponse<String> response = Server.get("/api/completions/req_none");
        assertEquals(404, response.statusCode());
        JsonNode error = json(response.body()).get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("id", error.get("param").asText());
    }
}
