package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Durable execution: the test server's Liberty process is killed with SIGKILL in the middle of a batch, started
 * again with Liberty's own {@code server start}, and the batch resumes and ends with exactly one output line per
 * input line. The server is left running for the tests after this one.
 */
class BatchRestartIT {
    private static final int LINES = 300;

    @Test
    void aBatchCutBySigkillResumesAndAnswersEveryLineOnce() throws Exception {
        String file = BatchFlow.upload(BatchFlow.chatLines("kill", LINES, "gpt-4o"), "batch");
        String id = BatchFlow.create("{\"input_file_id\":\"" + file + "\"}").get("id").asText();
        awaitCompleted(id, 40);

        LibertyProcess.kill();
        LibertyProcess.start();

        JsonNode ended = BatchFlow.awaitEnd(id, Duration.ofSeconds(180));
        assertEquals("completed", ended.get("status").asText(), ended.toString());
        assertEquals(LINES, ended.get("request_counts").get("completed").asInt());
        assertFalse(ended.has("error_file_id"), ended.toString());
        List<JsonNode> output = BatchFlow.content(ended.get("output_file_id").asText());
        assertEquals(LINES, output.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode line : output) {
            assertTrue(ids.add(line.get("custom_id").asText()), "answered twice: " + line.get("custom_id"));
            assertEquals(200, line.get("response").get("status_code").asInt());
        }
        for (int i = 1; i <= LINES; i++) {
            assertTrue(ids.contains("kill-" + i), "missing kill-" + i);
        }
    }

    private static void awaitCompleted(String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (BatchFlow.get(id).get("request_counts").get("completed").asInt() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "the batch did not get going");
            Thread.sleep(100);
        }
    }
}
