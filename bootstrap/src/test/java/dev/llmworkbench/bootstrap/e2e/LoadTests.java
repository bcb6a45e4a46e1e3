package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** The load-test API of the started server, as its end-to-end tests call it. */
final class LoadTests {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> TERMINAL = Set.of("completed", "cancelled", "failed", "interrupted");

    private LoadTests() {
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Starts a run with {@code POST /api/load-tests}; answers its id. */
    static String start(String body) throws Exception {
        HttpResponse<String> response = Server.postJson("/api/load-tests", body);
        assertEquals(202, response.statusCode(), response.body());
        return json(response).get("id").asText();
    }

    static JsonNode get(String id) throws Exception {
        HttpResponse<String> response = Server.get("/api/load-tests/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** Polls the run until its status is {@code status}, failing after {@code bound}. */
    static JsonNode await(String id, String status, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode run = get(id);
            if (run.get("status").asText().equals(status)) {
                return run;
            }
            assertTrue(System.nanoTime() < deadline && !TERMINAL.contains(run.get("status").asText()),
                    "run " + id + " did not become " + status + " within " + bound + ": " + run);
            Thread.sleep(100);
        }
    }

    static JsonNode cancel(String id) throws Exception {
        HttpResponse<String> response = Server.postJson("/api/load-tests/" + id + "/cancel", "");
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }
}
