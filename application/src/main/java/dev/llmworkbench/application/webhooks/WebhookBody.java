package dev.llmworkbench.application.webhooks;

import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.domain.JsonText;
import java.util.Optional;

/**
 * A batch event's JSON body. OpenAI's webhook event shape ({@code object}, {@code id}, {@code type},
 * {@code created_at}, {@code data.id}) and, at the top level, what the vLLM Batch Server guide's receiver reads:
 * {@code event}, {@code batch_id}, {@code status}, {@code output_file_id}, {@code error_file_id},
 * {@code request_counts} and {@code timestamp}. Written by hand: the application layer has no JSON library, and the
 * shape is small and fixed.
 */
final class WebhookBody {
    private WebhookBody() {
    }

    static String of(String eventId, BatchEnded ended) {
        StringBuilder json = new StringBuilder(512).append("{\"object\":\"event\",\"id\":");
        JsonText.quote(eventId, json).append(",\"type\":");
        JsonText.quote(ended.event(), json).append(",\"created_at\":").append(ended.at().getEpochSecond())
                .append(",\"data\":{\"id\":");
        JsonText.quote(ended.batchId(), json).append("},\"event\":");
        JsonText.quote(ended.event(), json).append(",\"batch_id\":");
        JsonText.quote(ended.batchId(), json).append(",\"status\":");
        JsonText.quote(ended.status().wire(), json).append(",\"output_file_id\":");
        nullable(ended.outputFileId(), json).append(",\"error_file_id\":");
        nullable(ended.errorFileId(), json).append(",\"request_counts\":{\"total\":").append(ended.total())
                .append(",\"completed\":").append(ended.completed()).append(",\"failed\":").append(ended.failed())
                .append("},\"timestamp\":");
        return JsonText.quote(ended.at().toString(), json).append('}').toString();
    }

    private static StringBuilder nullable(Optional<String> value, StringBuilder json) {
        return value.isPresent() ? JsonText.quote(value.get(), json) : json.append("null");
    }
}
