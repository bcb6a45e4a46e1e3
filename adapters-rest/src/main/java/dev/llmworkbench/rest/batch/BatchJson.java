package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OpenAI's {@code Batch} object and {@code ListBatchesResponse}, in OpenAI's field order. Fields with no value yet
 * (a timestamp not reached, a file not written) are left out rather than null: OpenAI's schema types them as plain
 * strings and integers, and its SDKs read a missing field as absent.
 */
final class BatchJson {
    private static final List<BatchStatus> STAMPED = List.of(BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING,
            BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.EXPIRED, BatchStatus.CANCELLING, BatchStatus.CANCELLED);

    private BatchJson() {
    }

    static String batch(Batch batch) {
        return write(json -> object(json, batch));
    }

    static String page(BatchPage page) {
        return page(page, List.of(), page.batches().size());
    }

    /**
     * A page of this server's batches merged with {@code upstream} ones (the {@code Batch} objects an upstream sent),
     * newest first by {@code created_at}, at most {@code limit}.
     */
    static String page(BatchPage page, List<String> upstream, int limit) {
        List<JsonObject> all = new ArrayList<>();
        page.batches().forEach(batch -> all.add(Json.createReader(new StringReader(batch(batch))).readObject()));
        upstream.forEach(object -> all.add(Json.createReader(new StringReader(object)).readObject()));
        if (!upstream.isEmpty()) {
            all.sort(Comparator.comparingLong((JsonObject batch) -> batch.getJsonNumber("created_at").longValue()).reversed());
        }
        List<JsonObject> shown = all.subList(0, Math.min(limit, all.size()));
        return write(json -> {
            json.writeStartObject().write("object", "list").writeStartArray("data");
            shown.forEach(json::write);
            json.writeEnd();
            if (!shown.isEmpty()) {
                json.write("first_id", shown.getFirst().getString("id")).write("last_id", shown.getLast().getString("id"));
            }
            json.write("has_more", page.hasMore() || all.size() > limit).writeEnd();
        });
    }

    static String events(String batchId, List<BatchEvent> events) {
        return write(json -> {
            json.writeStartObject().write("object", "list").write("batch_id", batchId).writeStartArray("data");
            for (BatchEvent event : events) {
                json.writeStartObject().write("seq", event.seq()).write("at", event.at().toString())
                        .write("status", event.status().wire());
                counts(json.writeKey("request_counts"), event.counts().total(), event.counts().completed(), event.counts().failed());
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        });
    }

    private static void object(JsonGenerator json, Batch batch) {
        json.writeStartObject().write("id", batch.id()).write("object", "batch").write("endpoint", batch.endpoint().path());
        batch.model().ifPresent(model -> json.write("model", model));
        if (!batch.errors().isEmpty()) {
            json.writeStartObject("errors").write("object", "list").writeStartArray("data");
            batch.errors().forEach(error -> error(json, error));
            json.writeEnd().writeEnd();
        }
        json.write("input_file_id", batch.inputFileId()).write("completion_window", batch.window().wire())
                .write("status", batch.status().wire());
        optional(json, "output_file_id", batch.outputFileId());
        optional(json, "error_file_id", batch.errorFileId());
        json.write("created_at", batch.times().createdAt().getEpochSecond());
        stamp(json, batch, BatchStatus.IN_PROGRESS);
        json.write("expires_at", batch.times().expiresAt().getEpochSecond());
        STAMPED.stream().filter(s -> s != BatchStatus.IN_PROGRESS).forEach(status -> stamp(json, batch, status));
        counts(json.writeKey("request_counts"), batch.counts().total(), batch.counts().completed(), batch.counts().failed());
        json.writeStartObject("usage").write("input_tokens", batch.usage().inputTokens())
                .writeStartObject("input_tokens_details").write("cached_tokens", batch.usage().cachedTokens()).writeEnd()
                .write("output_tokens", batch.usage().outputTokens())
                .writeStartObject("output_tokens_details").write("reasoning_tokens", batch.usage().reasoningTokens()).writeEnd()
                .write("total_tokens", batch.usage().totalTokens()).writeEnd();
        if (batch.metadata().isEmpty()) {
            json.writeNull("metadata");
        } else {
            json.writeStartObject("metadata");
            batch.metadata().forEach(json::write);
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void counts(JsonGenerator json, int total, int completed, int failed) {
        json.writeStartObject().write("total", total).write("completed", completed).write("failed", failed).writeEnd();
    }

    private static void error(JsonGenerator json, BatchError error) {
        json.writeStartObject().write("code", error.code()).write("message", error.message());
        if (error.param().isPresent()) {
            json.write("param", error.param().get());
        } else {
            json.writeNull("param");
        }
        if (error.line().isPresent()) {
            json.write("line", error.line().getAsInt());
        } else {
            json.writeNull("line");
        }
        json.writeEnd();
    }

    private static void stamp(JsonGenerator json, Batch batch, BatchStatus status) {
        batch.times().at(status).map(Instant::getEpochSecond).ifPresent(seconds -> json.write(status.wire() + "_at", seconds));
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) {
        value.ifPresent(v -> json.write(name, v));
    }

    private static String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = Json.createGenerator(out)) {
            body.accept(json);
        }
        return out.toString();
    }
}
