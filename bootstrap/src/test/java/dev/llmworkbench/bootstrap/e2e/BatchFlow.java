package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The batch server over plain HTTP, as the guide's FastAPI app drives it: upload, create, poll, download. */
final class BatchFlow {
    static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchFlow() {
    }

    /** {@code count} chat requests {@code prefix-1} ... in OpenAI's batch input format. */
    static String chatLines(String prefix, int count, String model) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{\"custom_id\":\"" + prefix + "-" + i + "\",\"method\":\"POST\","
                + "\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Say hello " + i + "\"}]}}\n").collect(Collectors.joining());
    }

    static String upload(String content, String purpose) throws Exception {
        HttpResponse<String> uploaded = new Multipart().field("purpose", purpose)
                .file("file", "batch.jsonl", content.getBytes(StandardCharsets.UTF_8)).post("/v1/files");
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        return json(uploaded.body()).get("id").asText();
    }

    static JsonNode create(String body) throws Exception {
        HttpResponse<String> created = Server.postJson("/v1/batches", body);
        assertEquals(200, created.statusCode(), created.body());
        return json(created.body());
    }

    static JsonNode get(String id) throws Exception {
        HttpResponse<String> batch = Server.get("/v1/batches/" + id);
        assertEquals(200, batch.statusCode(), batch.body());
        return json(batch.body());
    }

    /** Polls as the guide's background task does (faster), until the batch ends. */
    static JsonNode awaitEnd(String id, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode batch = get(id);
            if (ENDED.contains(batch.get("status").asText())) {
                return batch;
            }
            assertTrue(System.nanoTime() < deadline, "batch still " + batch.get("status").asText() + " after " + patience + ": " + batch);
            Thread.sleep(200);
        }
    }

    static List<JsonNode> content(String fileId) throws Exception {
        HttpResponse<String> content = Server.get("/v1/files/" + fileId + "/content");
        assertEquals(200, content.statusCode(), content.body());
        return Arrays.stream(content.body().split("\n")).filter(line -> !line.isBlank()).map(BatchFlow::json).toList();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
