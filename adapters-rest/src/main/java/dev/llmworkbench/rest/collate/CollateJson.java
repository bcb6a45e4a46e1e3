package dev.llmworkbench.rest.collate;

import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;

/**
 * The jump server's own objects: a collated request not answered yet (what async and cache callers get with 202,
 * and what its result URL answers while the batch runs) and a batch's status log.
 */
final class CollateJson {
    static final String RESULT_PATH = "/api/collate/requests/";

    private CollateJson() {
    }

    static String pending(CollatedRequest request) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().write("id", request.id()).write("object", "collate.request").write("status", request.state().wire())
                    .write("mode", request.mode().wire()).write("model", request.model())
                    .write("created_at", request.createdAt().getEpochSecond());
            if (request.batchId().isPresent()) {
                json.write("batch_id", request.batchId().get());
            } else {
                json.writeNull("batch_id");
            }
            json.write("result_url", RESULT_PATH + request.id()).writeEnd();
        }
        return out.toString();
    }

    static String statusLog(String batchId, List<CollateStatusEntry> log) {
        StringWriter out = new StringWriter(256 + 128 * log.size());
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().write("object", "list").write("batch_id", batchId).write("route", log.getFirst().route())
                    .writeStartArray("data");
            for (CollateStatusEntry entry : log) {
                json.writeStartObject().write("at", entry.at().toString()).write("status", entry.status().wire())
                        .writeStartObject("request_counts").write("total", entry.counts().total())
                        .write("completed", entry.counts().completed()).write("failed", entry.counts().failed()).writeEnd()
                        .writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return out.toString();
    }
}
