package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.CreateBatchCommand;
import dev.llmworkbench.domain.batch.OutputExpiry;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code CreateBatchRequest} read and checked as OpenAI's document types it; unknown fields are refused, as OpenAI does. */
final class CreateBatchReader {
    private static final Set<String> KNOWN = Set.of("input_file_id", "endpoint", "completion_window", "metadata", "output_expires_after");

    private CreateBatchReader() {
    }

    static CreateBatchCommand read(byte[] bytes) {
        JsonFields body = JsonFields.of(JsonBody.parse(bytes)).only(KNOWN);
        String inputFileId = body.optString("input_file_id").orElseThrow(() -> ApiException.invalid("input_file_id",
                "Missing required parameter: 'input_file_id'."));
        return new CreateBatchCommand(inputFileId, body.optString("endpoint"), body.optString("completion_window"),
                metadata(body), expiry(body));
    }

    private static Map<String, String> metadata(JsonFields body) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (body.has("metadata") && body.get("metadata") != JsonValue.NULL) {
            JsonFields object = body.requireObject("metadata");
            object.raw().forEach((key, value) -> {
                if (!(value instanceof JsonString text)) {
                    throw JsonFields.wrongType(object.path(key), "string", value);
                }
                metadata.put(key, text.getString());
            });
        }
        return metadata;
    }

    private static Optional<OutputExpiry> expiry(JsonFields body) {
        if (!body.has("output_expires_after") || body.get("output_expires_after") == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonFields expiry = body.requireObject("output_expires_after").only(Set.of("anchor", "seconds"));
        return Optional.of(OutputExpiry.parse(expiry.requireString("anchor"), expiry.optLong("seconds").orElseThrow(() ->
                ApiException.invalid(expiry.path("seconds"), "Missing required parameter: 'output_expires_after.seconds'."))));
    }
}
