package dev.llmworkbench.rest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.batch.BatchUsage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private static Batch validating() {
        return Batch.create("batch_1", BatchEndpoint.CHAT_COMPLETIONS, "file-in", CompletionWindow.DAY,
                Map.of("model", "google/gemma-3-4b-it"), Optional.empty(), T0);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aNewBatchIsAValidBatchObject() {
        String json = BatchJson.batch(validating());
        assertEquals(List.of(), BatchSchema.errors("Batch", json));
        assertTrue(!BatchSchema.errors("Batch", "{\"id\":\"batch_1\",\"object\":\"batch\"}").isEmpty(), "the validator sees what is missing");
        JsonObject batch = parse(json);
        assertEquals("batch", batch.getString("object"));
        assertEquals("validating", batch.getString("status"));
        assertEquals(T0.getEpochSecond(), batch.getJsonNumber("created_at").longValue());
        assertEquals(T0.getEpochSecond() + 86_400, batch.getJsonNumber("expires_at").longValue());
        assertEquals("google/gemma-3-4b-it", batch.getJsonObject("metadata").getString("model"));
    }

    @Test
    void aCompletedBatchShowsItsFilesTimesCountsAndUsage() {
        Batch done = validating().start(2, Optional.of("gpt-4o"), T0.plusSeconds(1)).finalizing(T0.plusSeconds(4))
                .complete(Optional.of("file-out"), Optional.of("file-err"), T0.plusSeconds(5))
                .withProgress(new RequestCounts(2, 1, 1), new BatchUsage(30, 4, 12, 2));
        String json = BatchJson.batch(done);
        assertEquals(List.of(), BatchSchema.errors("Batch", json));
        JsonObject batch = parse(json);
        assertEquals("file-out", batch.getString("output_file_id"));
        assertEquals("file-err", batch.getString("error_file_id"));
        assertEquals(T0.getEpochSecond() + 5, batch.getJsonNumber("completed_at").longValue());
        assertEquals(parse("{\"total\":2,\"completed\":1,\"failed\":1}"), batch.getJsonObject("request_counts"));
        assertEquals(parse("{\"input_tokens\":30,\"input_tokens_details\":{\"cached_tokens\":4},\"output_tokens\":12,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":2},\"total_tokens\":42}"), batch.getJsonObject("usage"));
        assertTrue(!batch.containsKey("cancelled_at") && !batch.containsKey("errors"));
    }

    @Test
    void aFailedBatchListsItsErrorsWithTheirLines() {
        Batch failed = validating().fail(List.of(BatchError.atLine(3, "duplicate_custom_id", "custom_id", "dup"),
                BatchError.ofFile("empty_file", "empty")), T0.plusSeconds(1));
        String json = BatchJson.batch(failed);
        assertEquals(List.of(), BatchSchema.errors("Batch", json));
        assertEquals(parse("{\"object\":\"list\",\"data\":[{\"code\":\"duplicate_custom_id\",\"message\":\"dup\",\"param\":\"custom_id\","
                + "\"line\":3},{\"code\":\"empty_file\",\"message\":\"empty\",\"param\":null,\"line\":null}]}"),
                parse(json).getJsonObject("errors"));
    }

    @Test
    void aPageIsAValidListBatchesResponse() {
        String json = BatchJson.page(new BatchPage(List.of(validating()), true));
        assertEquals(List.of(), BatchSchema.errors("ListBatchesResponse", json));
        JsonObject page = parse(json);
        assertEquals("batch_1", page.getString("first_id"));
        assertEquals(true, page.getBoolean("has_more"));
        assertEquals(List.of(), BatchSchema.errors("ListBatchesResponse", BatchJson.page(new BatchPage(List.of(), false))));
    }
}
