package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad input of the Batches API, answered in OpenAI's error shape with a 4xx, and bad files failing with line numbers. */
class BatchBadInputIT {
    private static void assertError(HttpResponse<String> response, int status, String param) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = BatchFlow.json(response.body()).get("error");
        assertTrue(error.get("message").isTextual() && error.has("type") && error.has("code"), response.body());
        assertEquals(param, error.get("param").isNull() ? null : error.get("param").asText(), response.body());
    }

    @Test
    void aMissingUnknownOrWrongPurposeInputFileIsRefused() throws Exception {
        assertError(Server.postJson("/v1/batches", "{\"metadata\":{\"model\":\"x\"}}"), 400, "input_file_id");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":\"file-nope\"}"), 400, "input_file_id");
        String notForBatches = BatchFlow.upload(BatchFlow.chatLines("p", 1, "gpt-4o"), "user_data");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":\"" + notForBatches + "\"}"), 400, "input_file_id");
    }

    @Test
    void aBadWindowEndpointOrBodyIsRefusedNamingIt() throws Exception {
        String file = BatchFlow.upload(BatchFlow.chatLines("w", 1, "gpt-4o"), "batch");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"completion_window\":\"48h\"}"), 400, "completion_window");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"/v1/moderations\"}"), 400, "endpoint");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"colour\":\"red\"}"), 400, "colour");
        assertError(Server.postJson("/v1/batches", "{\"input_file_id\":"), 400, null);
    }

    @Test
    void anUnknownBatchIsNotFoundEverywhere() throws Exception {
        assertError(Server.get("/v1/batches/batch_nope"), 404, "batch_id");
        assertError(Server.postJson("/v1/batches/batch_nope/cancel", ""), 404, "batch_id");
        assertError(Server.get("/api/batches/batch_nope/events"), 404, "batch_id");
        assertError(Server.get("/v1/batches?limit=0"), 400, "limit");
    }

    @Test
    void aBadFileFailsTheBatchWithLineNumberedErrors() throws Exception {
        String good = BatchFlow.chatLines("v", 2, "gpt-4o");
        String file = BatchFlow.upload(good + "{not json\n" + good.lines().findFirst().orElseThrow() + "\n"
                + "{\"custom_id\":\"e\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"gpt-4o\"}}\n", "batch");
        String id = BatchFlow.create("{\"input_file_id\":\"" + file + "\"}").get("id").asText();
        JsonNode failed = BatchFlow.awaitEnd(id, Duration.ofSeconds(60));
        OpenApiSchemas.assertValid("Batch", failed.toString());
        assertEquals("failed", failed.get("status").asText());
        List<String> errors = BatchFlow.list(failed.get("errors").get("data")).stream()
                .map(e -> e.get("code").asText() + "@" + e.get("line").asInt()).toList();
        assertEquals(List.of("invalid_json_line@3", "duplicate_custom_id@4", "url_mismatch@5"), errors);
        HttpResponse<String> cancel = Server.postJson("/v1/batches/" + id + "/cancel", "");
        assertError(cancel, 400, null);
    }
}
