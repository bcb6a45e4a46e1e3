package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The "vLLM Batch Server" FastAPI guide's requests, unchanged, over plain HTTP: a multipart upload with purpose
 * batch, {@code {"input_file_id", "metadata": {"model": ...}}} with no endpoint and no window, polling
 * {@code GET /v1/batches/{id}}, and the output file's content.
 */
class BatchGuideIT {
    @Test
    void theGuidesSubmitPollAndDownloadWorkUnchanged() throws Exception {
        String fileId = BatchFlow.upload(BatchFlow.chatLines("guide", 6, "gpt-4o-mini"), "batch");
        JsonNode created = BatchFlow.create("{\"input_file_id\":\"" + fileId + "\",\"metadata\":{\"model\":\"google/gemma-3-4b-it\"}}");
        OpenApiSchemas.assertValid("Batch", created.toString());
        assertEquals("/v1/chat/completions", created.get("endpoint").asText());
        assertEquals("24h", created.get("completion_window").asText());
        assertTrue(Set.of("validating", "in_progress").contains(created.get("status").asText()), created.toString());

        JsonNode done = BatchFlow.awaitEnd(created.get("id").asText(), Duration.ofSeconds(120));
        OpenApiSchemas.assertValid("Batch", done.toString());
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals("google/gemma-3-4b-it", done.get("model").asText());
        assertEquals(BatchFlow.json("{\"total\":6,\"completed\":6,\"failed\":0}"), done.get("request_counts"));
        // The emulator answers 20 output tokens per request by default: the usage sums them.
        assertEquals(120, done.get("usage").get("output_tokens").asLong());

        List<JsonNode> output = BatchFlow.content(done.get("output_file_id").asText());
        assertEquals(Set.of("guide-1", "guide-2", "guide-3", "guide-4", "guide-5", "guide-6"),
                output.stream().map(line -> line.get("custom_id").asText()).collect(Collectors.toSet()));
        for (JsonNode line : output) {
            assertTrue(line.get("id").asText().startsWith("batch_req_"), line.toString());
            assertEquals(200, line.get("response").get("status_code").asInt());
            assertEquals("google/gemma-3-4b-it", line.get("response").get("body").get("model").asText());
            OpenApiSchemas.assertValid("CreateChatCompletionResponse", line.get("response").get("body").toString());
            assertTrue(line.get("error").isNull());
        }
    }

    @Test
    void theEventLogShowsEveryStatusWithItsCounts() throws Exception {
        String fileId = BatchFlow.upload(BatchFlow.chatLines("events", 2, "gpt-4o"), "batch");
        String id = BatchFlow.create("{\"input_file_id\":\"" + fileId + "\",\"endpoint\":\"/v1/chat/completions\","
                + "\"completion_window\":\"24h\"}").get("id").asText();
        BatchFlow.awaitEnd(id, Duration.ofSeconds(120));
        HttpResponse<String> events = Server.get("/api/batches/" + id + "/events");
        assertEquals(200, events.statusCode(), events.body());
        List<JsonNode> data = BatchFlow.list(BatchFlow.json(events.body()).get("data"));
        assertEquals(List.of("validating", "in_progress", "finalizing", "completed"), data.stream().map(e -> e.get("status").asText()).toList());
        assertEquals(BatchFlow.json("{\"total\":2,\"completed\":2,\"failed\":0}"), data.getLast().get("request_counts"));
    }
}
