package dev.llmworkbench.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.domain.batch.BatchStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {
    @Test
    void carriesOpenAisEventShapeAndTheGuidesTopLevelFields() {
        BatchEnded ended = new BatchEnded("batch_abc", BatchStatus.COMPLETED, Optional.of("file-out"), Optional.empty(),
                3, 2, 1, Instant.parse("2026-03-01T12:00:00.5Z"));
        assertEquals("{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"batch.completed\",\"created_at\":1772366400,"
                        + "\"data\":{\"id\":\"batch_abc\"},\"event\":\"batch.completed\",\"batch_id\":\"batch_abc\","
                        + "\"status\":\"completed\",\"output_file_id\":\"file-out\",\"error_file_id\":null,"
                        + "\"request_counts\":{\"total\":3,\"completed\":2,\"failed\":1},"
                        + "\"timestamp\":\"2026-03-01T12:00:00.500Z\"}",
                WebhookBody.of("evt_1", ended));
    }
}
