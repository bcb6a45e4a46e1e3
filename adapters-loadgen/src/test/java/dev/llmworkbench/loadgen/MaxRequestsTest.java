package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.loadtest.LoadShape;
import dev.llmworkbench.domain.loadtest.Step;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaxRequestsTest {

    private static final long ANSWER_MS = 300;

    private static ScriptedServer server;
    private static URI slow;
    private static final AtomicInteger received = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        slow = server.script("slow", exchange -> {
            received.incrementAndGet();
            Thread.sleep(ANSWER_MS);
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 0);
            event(exchange, usageChunk(16, 2));
            event(exchange, "[DONE]");
            exchange.close();
        });
        Results.warmUp(slow);
    }

    @BeforeEach
    void reset() {
        received.set(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClosedLoopStepEndsOnceItsRequestsWereSentAndAnswered() throws Exception {
        Results results = new Results();

        JsonObject result = results.run(Plans.against(slow).load(new LoadShape.Throughput(3)).maxRequests(7)
                .duration(Duration.ofSeconds(30)).steps(new Step(16, 2), new Step(16, 2)));

        assertEquals(14, received.get(), "7 sent in each of two steps");
        for (JsonObject step : result.getJsonArray("steps").getValuesAs(JsonObject.class)) {
            assertEquals(7, step.getInt("requests"), "the last ones in flight finished and counted");
            // Three rounds of 300 ms (3 + 3 + 1): the step ended with its last answer, not at its 30 s.
            double seconds = step.getJsonNumber("duration_s").doubleValue();
            assertTrue(seconds >= 0.9 && seconds < 3, "step lasted " + seconds + " s");
        }
        assertEquals(1.0, result.getJsonObject("progress").getJsonNumber("fraction").doubleValue());
        assertTrue(results.wallMillis < 5_000, "wall " + results.wallMillis);
    }

    @Test
    void anOpenLoopStepStopsSendingAtItsBudgetAndWaitsForTheAnswers() throws Exception {
        JsonObject result = new Results().run(Plans.against(slow).load(new LoadShape.Constant(50)).maxRequests(5)
                .duration(Duration.ofSeconds(30)));

        assertEquals(5, received.get());
        JsonObject overall = result.getJsonObject("overall");
        assertEquals(5, overall.getInt("requests"));
        // Sent 20 ms apart from 0 to 80 ms, the last answered at 380 ms at the earliest, long before 30 s.
        double seconds = overall.getJsonNumber("duration_s").doubleValue();
        assertTrue(seconds >= 0.38 && seconds < 3, "step lasted " + seconds + " s");
    }
}
