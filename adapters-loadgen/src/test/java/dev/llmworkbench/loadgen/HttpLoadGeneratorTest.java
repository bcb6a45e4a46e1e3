package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static dev.llmworkbench.loadgen.ScriptedServer.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.domain.loadtest.Slo;
import dev.llmworkbench.domain.loadtest.Step;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpLoadGeneratorTest {

    private static final long TTFT_MS = 20;
    private static final Pattern MAX_TOKENS = Pattern.compile("\"max_tokens\":(\\d+)");
    private static final Set<String> DIST_KEYS = Set.of("mean", "p50", "p90", "p95", "p99", "max");

    private static ScriptedServer server;
    private static URI asked;
    private static final AtomicInteger askedCount = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        // Streams exactly the asked max_tokens, one token per chunk, with the usage a server would report.
        asked = server.script("asked", HttpLoadGeneratorTest::answerAsked);
        Results.warmUp(asked);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void asksForTheModelListOnceBeforeTheRunsFirstRequest() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        server.script("warmed", "models", exchange -> {
            seen.add(exchange.getRequestMethod() + " models");
            whole(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[]}");
        });
        URI warmed = server.script("warmed", exchange -> {
            seen.add(exchange.getRequestMethod() + " chat");
            answerAsked(exchange);
        });

        JsonObject result = new Results().run(Plans.against(warmed).maxRequests(2).duration(Duration.ofSeconds(10)));

        // The warm-up is not one of the run's requests: the run counts the two chat completions it sent.
        assertEquals(List.of("GET models", "POST chat", "POST chat"), seen);
        assertEquals(2, result.getJsonObject("overall").getInt("requests"));
    }

    @Test
    void runsEveryStepInOrderAndReportsTheWholeResultDocument() throws Exception {
        URI counted = server.script("counted", exchange -> {
            askedCount.incrementAndGet();
            answerAsked(exchange);
        });
        Results results = new Results();

        JsonObject result = results.run(Plans.against(counted).steps(new Step(16, 2), new Step(32, 3)));

        List<Integer> askedLengths = server.bodiesOf("counted").stream().map(HttpLoadGeneratorTest::maxTokens).toList();
        assertEquals(askedLengths.stream().sorted().toList(), askedLengths, "step 1's requests all came after step 0's");
        assertEquals(Set.of(2, 3), Set.copyOf(askedLengths));

        JsonObject overall = result.getJsonObject("overall");
        List<JsonObject> steps = result.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals(List.of(16, 32), steps.stream().map(s -> s.getInt("input_len")).toList());
        assertEquals(List.of(2, 3), steps.stream().map(s -> s.getInt("output_len")).toList());
        long requests = overall.getJsonNumber("requests").longValue();
        assertTrue(requests > 10, "requests " + requests);
        assertEquals(requests, steps.stream().mapToLong(s -> s.getJsonNumber("requests").longValue()).sum());
        assertEquals(requests, overall.getJsonNumber("successes").longValue());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, overall.getJsonObject("failures"));
        assertEquals(requests, overall.getJsonObject("scenarios").getJsonNumber("chat_completions").longValue());
        assertTrue(overall.getJsonObject("ttft_ms").getJsonNumber("p50").doubleValue() >= TTFT_MS);
        for (String dist : List.of("ttft_ms", "itl_ms", "tpot_ms", "latency_ms")) {
            assertEquals(DIST_KEYS, overall.getJsonObject(dist).keySet(), dist);
        }
        assertEquals(JsonValue.NULL, overall.getJsonObject("output_tokens").get("requested"), "two lengths were asked");
        for (int i = 0; i < 2; i++) {
            JsonObject output = steps.get(i).getJsonObject("output_tokens");
            assertEquals(i + 2, output.getInt("requested"));
            assertEquals(i + 2, output.getJsonNumber("mean").doubleValue(), 1e-9);
            assertEquals(JsonValue.TRUE, output.get("from_usage"));
            assertEquals(JsonValue.FALSE, steps.get(i).get("output_length_ignored"));
            assertEquals(16, steps.get(i).getJsonObject("input_tokens").getJsonNumber("mean").doubleValue(), 1e-9);
        }
        assertEquals(false, overall.containsKey("goodput"), "no SLO, no goodput");

        List<JsonObject> series = result.getJsonArray("series").getValuesAs(JsonObject.class);
        assertEquals(List.of(0L, 1L), series.stream().limit(2).map(p -> p.getJsonNumber("second").longValue()).toList());
        assertEquals(List.of(0, 1), series.stream().limit(2).map(p -> p.getInt("step")).toList());
        assertEquals(requests, series.stream().mapToLong(p -> p.getJsonNumber("requests").longValue()).sum());
        assertEquals(2, series.stream().mapToInt(p -> p.getInt("active_users")).max().orElseThrow());

        JsonObject generator = result.getJsonObject("generator");
        // Every request the server saw was counted as sent, the abandoned ones too; at each step's end each of the two
        // users may have had one abandoned before it reached the server.
        long sent = generator.getJsonNumber("requests_sent").longValue();
        assertTrue(sent >= askedCount.get() && sent <= askedCount.get() + 4, "sent " + sent + ", seen " + askedCount);
        assertEquals(DIST_KEYS, generator.getJsonObject("lateness_ms").keySet());

        JsonObject progress = result.getJsonObject("progress");
        assertEquals(1.0, progress.getJsonNumber("fraction").doubleValue());
        assertEquals(List.of(1, 2), List.of(progress.getInt("step"), progress.getInt("steps")));
        assertEquals(2.0, progress.getJsonNumber("elapsed_s").doubleValue(), 0.3);
    }

    @Test
    void handsOverASnapshotAboutOnceASecondWithProgressMovingOn() throws Exception {
        Results results = new Results();

        results.run(Plans.against(asked).steps(new Step(16, 2), new Step(16, 2), new Step(16, 2)));

        // A 3-second run: snapshots at about 1.5 s and 2.5 s.
        assertEquals(2, results.snapshots.size());
        List<Double> fractions = results.snapshots.stream().map(Results::parse)
                .map(s -> s.getJsonObject("progress").getJsonNumber("fraction").doubleValue()).toList();
        assertEquals(1.5 / 3, fractions.get(0), 0.1);
        assertEquals(2.5 / 3, fractions.get(1), 0.1);
        for (String snapshot : results.snapshots) {
            JsonObject parsed = Results.parse(snapshot);
            assertEquals(Set.of("overall", "steps", "series", "generator", "progress"), parsed.keySet());
        }
    }

    @Test
    void aSnapshotConsumerThatFailsNeitherEndsTheRunNorStopsTheNextSnapshot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpLoadGenerator generator = new HttpLoadGenerator(Duration.ofSeconds(2), Duration.ofSeconds(20));

        String result = generator.run(Plans.against(asked).duration(Duration.ofMillis(2_500)).plan(),
                Optional.empty(), snapshot -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("store down");
                }, new Cancellation());

        assertEquals(2, calls.get(), "snapshots offered at 1.5 s and 2.5 s");
        assertEquals(1.0, Results.parse(result).getJsonObject("progress").getJsonNumber("fraction").doubleValue());
    }

    @Test
    void cancellingStopsSendingAtOnceAndReturnsWhatWasMeasured() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        URI seeing = server.script("seeing", exchange -> {
            seen.incrementAndGet();
            answerAsked(exchange);
        });
        Results results = new Results();
        results.cancelWhen(() -> seen.get() >= 10);

        JsonObject result = results.run(Plans.against(seeing).duration(Duration.ofSeconds(20))
                .steps(new Step(16, 2), new Step(16, 3)));

        assertTrue(results.millisFromCancelToReturn() < 1_000, "returned " + results.millisFromCancelToReturn()
                + " ms after the cancel");
        assertTrue(result.getJsonObject("overall").getJsonNumber("requests").longValue() > 0);
        JsonObject progress = result.getJsonObject("progress");
        assertEquals(0, progress.getInt("step"), "the second step never started");
        assertEquals(1, result.getJsonArray("steps").size());
        double fraction = progress.getJsonNumber("fraction").doubleValue();
        double stepSeconds = result.getJsonObject("overall").getJsonNumber("duration_s").doubleValue();
        assertEquals(stepSeconds / 40, fraction, 1e-3, "the share of the run's 40 s that passed");
        assertTrue(fraction > 0 && fraction < 0.1, "fraction " + fraction);
    }

    @Test
    void countsFailuresByClassAndLeavesWhatWasNotMeasuredNull() throws Exception {
        URI failing = server.script("failing", exchange -> whole(exchange, 500, "application/json",
                "{\"error\":{\"message\":\"down\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));

        JsonObject overall = new Results().run(Plans.against(failing).duration(Duration.ofSeconds(2)))
                .getJsonObject("overall");

        long requests = overall.getJsonNumber("requests").longValue();
        assertTrue(requests > 0);
        assertEquals(0, overall.getInt("successes"));
        assertEquals(Set.of("http_500"), overall.getJsonObject("failures").keySet());
        assertEquals(requests, overall.getJsonObject("failures").getJsonNumber("http_500").longValue());
        for (String dist : List.of("ttft_ms", "itl_ms", "tpot_ms", "latency_ms")) {
            JsonObject values = overall.getJsonObject(dist);
            assertTrue(DIST_KEYS.stream().allMatch(key -> values.get(key) == JsonValue.NULL), dist + " " + values);
        }
        assertEquals(JsonValue.NULL, overall.getJsonObject("output_tokens").get("mean"));
        assertEquals(JsonValue.FALSE, overall.getJsonObject("output_tokens").get("from_usage"));
    }

    @Test
    void reportsGoodputAsTheShareAndRateOfRequestsThatMetTheSlo() throws Exception {
        // Every answer's first token comes after at least 20 ms: a 5 s TTFT objective is met by all, 10 ms by none.
        JsonObject met = new Results().run(Plans.against(asked).slo(Slo.ofMillis(5_000.0, null, null)))
                .getJsonObject("overall");
        JsonObject missed = new Results().run(Plans.against(asked).slo(Slo.ofMillis(10.0, null, null)))
                .getJsonObject("overall");

        JsonObject goodput = met.getJsonObject("goodput");
        assertEquals(met.getInt("requests"), goodput.getInt("requests"));
        assertEquals(1.0, goodput.getJsonNumber("share").doubleValue());
        assertEquals(met.getJsonNumber("requests_per_s").doubleValue(),
                goodput.getJsonNumber("requests_per_s").doubleValue(), 1e-9);
        assertEquals(0, missed.getJsonObject("goodput").getInt("requests"));
        assertEquals(0.0, missed.getJsonObject("goodput").getJsonNumber("share").doubleValue());
    }

    @Test
    void flagsAServerThatIgnoresTheAskedOutputLength() throws Exception {
        URI twoTokens = server.script("two", exchange -> {
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 0);
            event(exchange, usageChunk(16, 2));
            event(exchange, "[DONE]");
            exchange.close();
        });

        JsonObject result = new Results().run(Plans.against(twoTokens).steps(new Step(16, 2), new Step(16, 10))
                .duration(Duration.ofSeconds(1)));

        List<JsonObject> steps = result.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals(JsonValue.FALSE, steps.get(0).get("output_length_ignored"), "asked 2, got 2");
        assertEquals(JsonValue.TRUE, steps.get(1).get("output_length_ignored"), "asked 10, got 2");
        assertEquals(2.0, steps.get(1).getJsonObject("output_tokens").getJsonNumber("mean").doubleValue());
    }

    private static void answerAsked(HttpExchange exchange) throws IOException, InterruptedException {
        int tokens = maxTokens(server.bodyOf(exchange));
        Thread.sleep(TTFT_MS);
        startStream(exchange);
        tokens(exchange, Collections.nCopies(tokens, "x"), 5);
        event(exchange, usageChunk(16, tokens));
        event(exchange, "[DONE]");
        exchange.close();
    }

    private static int maxTokens(String body) {
        Matcher matcher = MAX_TOKENS.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no max_tokens in " + body);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
