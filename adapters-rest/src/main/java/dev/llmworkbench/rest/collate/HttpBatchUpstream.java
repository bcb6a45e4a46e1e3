package dev.llmworkbench.rest.collate;

import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.UpstreamBatch;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A collate route's upstream over OpenAI's Files and Batches API ({@code <base>/files}, {@code <base>/batches}), with
 * the route's key as a bearer token. One client per route for the server's life.
 */
public final class HttpBatchUpstream implements BatchUpstream {
    private final HttpClient client;
    private final String base;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final Optional<String> internalKey;

    /**
     * @param base     the upstream's OpenAI base URL, ending in {@code /v1}
     * @param internal this process's key, sent when {@code base} is this server's own batch server
     */
    public HttpBatchUpstream(HttpClient client, URI base, Optional<String> apiKey, Duration timeout, InternalKey internal) {
        this.internalKey = internal.forTarget(base);
        this.client = client;
        this.base = base.toString().replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public String upload(String fileName, byte[] jsonl) throws IOException, InterruptedException {
        String boundary = "collate" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(jsonl), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return string(json(send(request), "upload the batch file"), "id");
    }

    @Override
    public UpstreamBatch create(String inputFileId) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("input_file_id", inputFileId).add("endpoint", "/v1/chat/completions")
                .add("completion_window", "24h").build().toString();
        HttpRequest request = request("/batches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return batch(json(send(request), "create the batch"));
    }

    @Override
    public UpstreamBatch retrieve(String batchId) throws IOException, InterruptedException {
        return batch(json(send(request("/batches/" + batchId).GET().build()), "retrieve batch " + batchId));
    }

    @Override
    public String batchObject(String batchId) throws IOException, InterruptedException {
        return json(send(request("/batches/" + batchId).GET().build()), "retrieve batch " + batchId).toString();
    }

    @Override
    public Map<String, CollatedAnswer> answers(String fileId) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request("/files/" + fileId + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Map<String, CollatedAnswer> answers = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("the upstream answered " + response.statusCode() + " for the content of " + fileId);
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonObject parsed = parse(line, "a line of " + fileId);
                    answers.put(string(parsed, "custom_id"), answer(parsed));
                }
            }
        }
        return answers;
    }

    /** A line's response as it came, or its error (a line never sent) as the OpenAI error its caller gets. */
    private static CollatedAnswer answer(JsonObject line) throws IOException {
        if (line.get("response") instanceof JsonObject response && response.containsKey("status_code")) {
            return new CollatedAnswer(response.getInt("status_code"), response.get("body") == null ? "{}" : response.get("body").toString());
        }
        JsonObject error = line.get("error") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
        String code = error.get("code") instanceof JsonString c ? c.getString() : "batch_line_failed";
        String message = error.get("message") instanceof JsonString m ? m.getString() : "The upstream batch did not answer this request.";
        return new CollatedAnswer(502, ErrorBody.json(message, "server_error", null, code));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        internalKey.ifPresent(key -> request.header(InternalKey.HEADER, key));
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            JsonObject error = response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : parseOrEmpty(response.body());
            String message = error.get("error") instanceof JsonObject e && e.get("message") instanceof JsonString m ? ": " + m.getString() : "";
            throw new IOException("the upstream answered " + response.statusCode() + " to " + what + message);
        }
        return parse(response.body(), "the answer to " + what);
    }

    private static JsonObject parseOrEmpty(String text) {
        try {
            return parse(text, "an error");
        } catch (IOException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static JsonObject parse(String text, String what) throws IOException {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw new IOException("the upstream sent malformed JSON in " + what);
        }
    }

    private static UpstreamBatch batch(JsonObject batch) throws IOException {
        String status = string(batch, "status");
        JsonObject counts = batch.get("request_counts") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        try {
            return new UpstreamBatch(string(batch, "id"),
                    BatchStatus.fromWire(status).orElseThrow(() -> new IOException("the upstream sent an unknown batch status " + status)),
                    new RequestCounts(counts.getInt("total", 0), counts.getInt("completed", 0), counts.getInt("failed", 0)),
                    optional(batch, "output_file_id"), optional(batch, "error_file_id"));
        } catch (IllegalArgumentException | ClassCastException impossible) {
            throw new IOException("the upstream sent impossible request_counts");
        }
    }

    private static String string(JsonObject json, String field) throws IOException {
        if (json.get(field) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw new IOException("the upstream's answer has no " + field);
    }

    private static Optional<String> optional(JsonObject json, String field) {
        return json.get(field) instanceof JsonString value && !value.getString().isBlank() ? Optional.of(value.getString()) : Optional.empty();
    }
}
