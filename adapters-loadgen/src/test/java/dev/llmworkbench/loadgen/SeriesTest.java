package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.loadtest.LoadShape;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static ScriptedServer server;
    private static URI slow;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        slow = server.script("slow", exchange -> {
            Thread.sleep(1_200);
            startStream(exchange);
            tokens(exchange, List.of("a", "b", "c"), 0);
            event(exchange, usageChunk(16, 3));
            event(exchange, "[DONE]");
            exchange.close();
        });
        Results.warmUp(slow);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hasOnePointForEverySecondOfTheRunThoseWithoutAnswersIncluded() throws Exception {
        // One request at a time, 1.2 s each: answers at about 1.2 s and 2.4 s; the third is abandoned at 3 s.
        JsonObject result = new Results().run(Plans.against(slow).load(new LoadShape.Synchronous())
                .duration(Duration.ofSeconds(3)));

        List<JsonObject> series = result.getJsonArray("series").getValuesAs(JsonObject.class);
        assertEquals(List.of(0L, 1L, 2L), series.stream().map(p -> p.getJsonNumber("second").longValue()).toList());
        assertEquals(List.of(0L, 1L, 1L), series.stream().map(p -> p.getJsonNumber("requests").longValue()).toList());
        // The user started in second 0; later seconds show it when the once-a-second note falls in them.
        assertEquals(1, series.get(0).getInt("active_users"));
        assertTrue(series.stream().allMatch(p -> p.getInt("active_users") <= 1));
        assertEquals(3.0, series.get(2).getJsonNumber("output_tokens_per_s").doubleValue(), 0.1);
        assertEquals(JsonValue.NULL, series.get(0).get("ttft_p50_ms"), "nothing answered in the first second");
        double ttft = series.get(1).getJsonNumber("ttft_p50_ms").doubleValue();
        assertTrue(ttft >= 1_200 && ttft < 1_600, "ttft p50 " + ttft);
    }
}
