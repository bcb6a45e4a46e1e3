package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flows the access and secrets tests run on an {@link ExtraServer} with API keys, each request sent with
 * {@code key} as a bearer token. Every answer is kept, so a test can search them all afterwards.
 */
final class KeyedCalls {
    private final ExtraServer server;
    private final String key;
    private final List<HttpResponse<String>> seen = new ArrayList<>();

    KeyedCalls(ExtraServer server, String key) {
        this.server = server;
        this.key = key;
    }

    List<HttpResponse<String>> seen() {
        return seen;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return kept(server.get(path, with(headers)));
    }

    HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
        return kept(server.post(path, json, with(headers, "Content-Type", "application/json")));
    }

    String upload(String content) throws Exception {
        Multipart form = new Multipart().field("purpose", "batch").file("file", "batch.jsonl", content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = kept(server.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/files"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())), with(new String[0], "Content-Type",
                "multipart/form-data; boundary=" + Multipart.BOUNDARY)));
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        return BatchFlow.json(uploaded.body()).get("id").asText();
    }

    /** Runs {@code lines} chat lines as a batch to its end and returns the ended batch. */
    JsonNode batch(String prefix, int lines, Duration patience) throws Exception {
        String file = upload(BatchFlow.chatLines(prefix, lines, "gpt-4o"));
        HttpResponse<String> created = postJson("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"/v1/chat/completions\","
                + "\"completion_window\":\"24h\"}");
        assertEquals(200, created.statusCode(), created.body());
        String id = BatchFlow.json(created.body()).get("id").asText();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> batch = get("/v1/batches/" + id);
            assertEquals(200, batch.statusCode(), batch.body());
            JsonNode json = BatchFlow.json(batch.body());
            if (BatchFlow.ENDED.contains(json.get("status").asText())) {
                return json;
            }
            assertTrue(System.nanoTime() < deadline, "batch still running: " + batch.body());
            Thread.sleep(1000);
        }
    }

    List<JsonNode> content(String fileId) throws Exception {
        HttpResponse<String> content = get("/v1/files/" + fileId + "/content");
        assertEquals(200, content.statusCode(), content.body());
        return Arrays.stream(content.body().split("\n")).filter(line -> !line.isBlank()).map(BatchFlow::json).toList();
    }

    private HttpResponse<String> kept(HttpResponse<String> response) {
        seen.add(response);
        return response;
    }

    private String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + key;
        System.arraycopy(more, 0, all, 2, more.length);
        System.arraycopy(headers, 0, all, 2 + more.length, headers.length);
        return all;
    }
}
