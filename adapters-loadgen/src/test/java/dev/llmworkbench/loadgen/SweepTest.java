package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.loadtest.LoadShape;
import dev.llmworkbench.domain.loadtest.Slo;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep against a server that answers every request after 50 ms, however many come: one at a time it answers
 * 20 a second, four at a time 80, and it keeps up with any constant rate between.
 */
class SweepTest {

    private static final long ANSWER_MS = 50;
    private static final int IN_FLIGHT = 4;

    private static ScriptedServer server;
    private static URI fixed;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        fixed = server.script("fixed", exchange -> {
            Thread.sleep(ANSWER_MS);
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 0);
            event(exchange, usageChunk(16, 2));
            event(exchange, "[DONE]");
            exchange.close();
        });
        Results.warmUp(fixed);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runsSynchronousThenThroughputThenConstantRatesEvenlyBetween() throws Exception {
        JsonObject step = sweep(Slo.none());

        List<JsonObject> results = step.getJsonObject("sweep").getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(List.of("synchronous", "throughput", "constant", "constant"),
                results.stream().map(r -> r.getString("type")).toList());
        assertEquals(JsonValue.NULL, results.get(0).get("rate"));
        assertEquals(JsonValue.NULL, results.get(1).get("rate"));
        double first = results.get(2).getJsonNumber("rate").doubleValue();
        double second = results.get(3).getJsonNumber("rate").doubleValue();
        // Evenly spaced: first = sync + d, second = sync + 2d, so the rates they were spaced from are these. One at a
        // time the server answers at most 20 a second, four at a time at most 80 (its sleeps overrun on a busy
        // machine, never undershoot; answers counted from the first to the last may run a burst ahead: 10 %).
        double synchronous = 2 * first - second;
        double throughput = 2 * second - first;
        assertTrue(synchronous > 0 && synchronous <= 22, "synchronous rate " + synchronous);
        assertTrue(throughput > synchronous * 2 && throughput <= 88, "throughput rate " + throughput);
        // Each run has a quarter of the step's 4 s.
        for (JsonObject result : results) {
            assertEquals(1.0, result.getJsonNumber("duration_s").doubleValue(), 0.1);
        }
        JsonValue best = step.getJsonObject("sweep").get("best_rate");
        assertTrue(best == JsonValue.NULL || List.of(first, second).contains(((JsonNumber) best).doubleValue()),
                "the best rate is one of the constant rates run: " + best);
        assertEquals(results.stream().mapToLong(r -> r.getJsonNumber("requests").longValue()).sum(),
                step.getJsonNumber("requests").longValue());
    }

    @Test
    void hasNoBestRateWhenNoRateMetTheSlo() throws Exception {
        JsonObject step = sweep(Slo.ofMillis(null, null, 20.0));

        assertEquals(JsonValue.NULL, step.getJsonObject("sweep").get("best_rate"));
        for (JsonObject result : step.getJsonObject("sweep").getJsonArray("results").getValuesAs(JsonObject.class)) {
            assertEquals(0, result.getJsonObject("goodput").getInt("requests"), "no answer comes within 20 ms");
        }
    }

    @Test
    void sustainsARateWhoseRequestsAllAnsweredAtNineTenthsOfItOrMetTheSlo() {
        assertTrue(SweepDriver.sustained(50, figures(100, 0, null), 45));
        assertFalse(SweepDriver.sustained(50, figures(100, 0, null), 44.9), "answered below 90 % of the rate");
        assertFalse(SweepDriver.sustained(50, figures(100, 1, null), 50), "a request failed");
        assertFalse(SweepDriver.sustained(50, figures(0, 0, null), 50), "nothing answered");
        assertTrue(SweepDriver.sustained(50, figures(100, 5, 95L), 10), "95 % goodput, whatever the rate");
        assertFalse(SweepDriver.sustained(50, figures(100, 0, 94L), 50), "94 % goodput");
    }

    private static TallyFigures figures(long requests, long failures, Long goodput) {
        RunFigures run = new RunFigures(requests, failures == 0 ? Map.of() : Map.of("http_500", failures), 1,
                requests, 0, 0, DistributionSummary.EMPTY, DistributionSummary.EMPTY, DistributionSummary.EMPTY,
                DistributionSummary.EMPTY, DistributionSummary.EMPTY);
        return new TallyFigures(run, requests - failures, null, null, true, goodput, Map.of());
    }

    private static JsonObject sweep(Slo slo) throws InterruptedException {
        HttpLoadGenerator generator = new HttpLoadGenerator(Duration.ofSeconds(2), Duration.ofSeconds(20), IN_FLIGHT);
        JsonObject result = new Results().run(Plans.against(fixed).load(new LoadShape.Sweep(2))
                .duration(Duration.ofSeconds(4)).slo(slo), generator);
        return result.getJsonArray("steps").getJsonObject(0);
    }
}
