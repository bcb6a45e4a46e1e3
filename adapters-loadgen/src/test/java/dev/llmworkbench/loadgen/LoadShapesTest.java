package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.loadtest.LoadShape;
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

/** Each load shape against a server that answers after a fixed delay and counts what it saw. */
class LoadShapesTest {

    private static final long ANSWER_MS = 200;

    private static ScriptedServer server;
    private static URI slow;
    private static URI stalled;
    private static final AtomicInteger received = new AtomicInteger();
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final AtomicInteger mostInFlight = new AtomicInteger();
    private static final AtomicInteger inFlightAfter100Ms = new AtomicInteger();
    private static volatile long firstNanos;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        slow = server.script("slow", exchange -> {
            if (received.getAndIncrement() == 0) {
                firstNanos = System.nanoTime();
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ANSWER_MS);
                if (System.nanoTime() - firstNanos < 100_000_000L + ANSWER_MS * 1_000_000L) {
                    inFlightAfter100Ms.accumulateAndGet(inFlight.get(), Math::max);
                }
                startStream(exchange);
                tokens(exchange, List.of("a", "b"), 0);
                event(exchange, usageChunk(16, 2));
                event(exchange, "[DONE]");
            } finally {
                inFlight.decrementAndGet();
            }
            // Only the close ends the answer: a user who got it may send its next request at once, and that one
            // must not meet this one still counted in flight.
            exchange.close();
        });
        stalled = server.script("stalled", exchange -> {
            received.incrementAndGet();
            startStream(exchange);
            Thread.sleep(5_000);
            exchange.close();
        });
        Results.warmUp(slow);
    }

    @BeforeEach
    void reset() throws InterruptedException {
        // Requests a test abandoned are still asleep in the server for up to ANSWER_MS: they are not the next test's.
        for (int wait = 0; wait < 100 && inFlight.get() > 0; wait++) {
            Thread.sleep(10);
        }
        received.set(0);
        mostInFlight.set(0);
        inFlightAfter100Ms.set(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void synchronousKeepsOneRequestInFlight() throws Exception {
        JsonObject overall = new Results().run(Plans.against(slow).load(new LoadShape.Synchronous()))
                .getJsonObject("overall");

        assertEquals(1, mostInFlight.get());
        // One at a time, 200 ms each: at most 5 in a second.
        long requests = overall.getJsonNumber("requests").longValue();
        assertTrue(requests >= 1 && requests <= 5, "requests " + requests);
    }

    @Test
    void throughputKeepsEveryRequestInFlightFromTheStart() throws Exception {
        new Results().run(Plans.against(slow).load(new LoadShape.Throughput(6)));

        assertEquals(6, mostInFlight.get());
        assertEquals(6, inFlightAfter100Ms.get(), "all six went out within 100 ms of the first");
    }

    @Test
    void concurrentStartsUsersAtTheSpawnRate() throws Exception {
        // At 4 users a second, users are due at 0, 250, 500 and 750 ms: a 600 ms run starts three of ten.
        JsonObject result = new Results().run(Plans.against(slow).load(new LoadShape.Concurrent(10, 4))
                .duration(Duration.ofMillis(600)));

        assertEquals(3, mostInFlight.get());
        assertEquals(3, result.getJsonArray("series").getValuesAs(JsonObject.class).stream()
                .mapToInt(point -> point.getInt("active_users")).max().orElseThrow());
    }

    @Test
    void constantSendsOnScheduleWhetherOrNotEarlierRequestsAnswered() throws Exception {
        JsonObject result = new Results().run(Plans.against(slow).load(new LoadShape.Constant(20)));

        // 20 a second, 50 ms apart, each answered after 200 ms: a closed loop could never have 4 in flight. On a busy
        // machine the last one or two, due at 900 and 950 ms, may be seen due only after the second ended.
        JsonObject generator = result.getJsonObject("generator");
        int sent = generator.getInt("requests_sent");
        assertTrue(sent >= 18 && sent <= 20, "sent " + sent);
        assertTrue(received.get() >= sent - 2 && received.get() <= sent, "received " + received);
        assertTrue(mostInFlight.get() >= 4, "in flight at most " + mostInFlight.get());
        // Those sent after 800 ms are answered after the second: abandoned.
        long requests = result.getJsonObject("overall").getJsonNumber("requests").longValue();
        assertTrue(requests >= 10 && requests <= 17, "requests answered within the second " + requests);
        // A sender that waited for each 200 ms answer would fall further behind with every request; a shared
        // machine's run queue may delay a wake-up by tens of milliseconds, never by that much.
        double lateness = generator.getJsonObject("lateness_ms").getJsonNumber("p50").doubleValue();
        assertTrue(lateness < 150, "lateness p50 " + lateness);
    }

    @Test
    void poissonSendsAtTheMeanRate() throws Exception {
        new Results().run(Plans.against(slow).load(new LoadShape.Poisson(100)).duration(Duration.ofSeconds(2)));

        // A Poisson count over 2 s at 100/s has mean 200 and standard deviation sqrt(200), about 14: 4 of them either way.
        assertTrue(received.get() >= 144 && received.get() <= 256, "sent " + received.get());
        assertTrue(mostInFlight.get() >= 5, "in flight at most " + mostInFlight.get());
    }

    @Test
    void cancellingAnOpenLoopStopsItsSenderAtOnce() throws Exception {
        Results results = new Results();
        results.cancelWhen(() -> received.get() >= 5);

        JsonObject result = results.run(Plans.against(stalled).load(new LoadShape.Constant(20))
                .duration(Duration.ofSeconds(20)));

        long afterCancel = results.millisFromCancelToReturn();
        assertTrue(afterCancel < 1_000, "returned " + afterCancel + " ms after the cancel");
        // One every 50 ms: no more than the schedule had due by the time the run returned, two in flight to the server.
        int sent = result.getJsonObject("generator").getInt("requests_sent");
        assertTrue(sent >= 5 && sent <= 5 + 2 + afterCancel / 50, "sent " + sent + ", returned " + afterCancel
                + " ms after the cancel");
        assertEquals(0, result.getJsonObject("overall").getInt("requests"), "the stalled ones were abandoned");
    }

    @Test
    void abandonsRequestsStillInFlightWhenTheDurationEnds() throws Exception {
        Results results = new Results();
        JsonObject result = results.run(Plans.against(stalled).load(new LoadShape.Throughput(3))
                .duration(Duration.ofMillis(300)));

        assertTrue(results.wallMillis < 1_500, "the run does not wait for stalled answers: " + results.wallMillis);
        assertEquals(0, result.getJsonObject("overall").getInt("requests"));
        assertEquals(3, result.getJsonObject("generator").getInt("requests_sent"));
        assertEquals(0.3, result.getJsonObject("overall").getJsonNumber("duration_s").doubleValue(), 0.05);
    }
}
