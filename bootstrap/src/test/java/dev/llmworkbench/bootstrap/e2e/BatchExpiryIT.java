package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A batch whose window ends first: 600 lines of about a second each (the emulator's default 20 tokens at 50 ms) at
 * the default 32 in flight need some twenty seconds, and a 3-second window (our extension) ends long before.
 */
class BatchExpiryIT {
    @Test
    void linesNotDoneWhenTheWindowEndsExpireAndEveryLineIsAccountedFor() throws Exception {
        String file = BatchFlow.upload(BatchFlow.chatLines("late", 600, "gpt-4o"), "batch");
        String id = BatchFlow.create("{\"input_file_id\":\"" + file + "\",\"completion_window\":\"3s\"}").get("id").asText();
        JsonNode expired = BatchFlow.awaitEnd(id, Duration.ofSeconds(60));
        OpenApiSchemas.assertValid("Batch", expired.toString());
        assertEquals("expired", expired.get("status").asText(), expired.toString());
        assertTrue(expired.has("expired_at"));
        JsonNode counts = expired.get("request_counts");
        assertEquals(600, counts.get("total").asInt());
        assertEquals(600, counts.get("completed").asInt() + counts.get("failed").asInt());
        assertTrue(counts.get("failed").asInt() > 0, counts.toString());

        Set<String> seen = new HashSet<>();
        List<JsonNode> errors = BatchFlow.content(expired.get("error_file_id").asText());
        for (JsonNode line : errors) {
            assertTrue(seen.add(line.get("custom_id").asText()), "twice: " + line);
            assertTrue(line.get("response").isNull());
            assertEquals("batch_expired", line.get("error").get("code").asText());
        }
        if (expired.has("output_file_id")) {
            for (JsonNode line : BatchFlow.content(expired.get("output_file_id").asText())) {
                assertTrue(seen.add(line.get("custom_id").asText()), "twice: " + line);
            }
        }
        assertEquals(600, seen.size());
    }
}
