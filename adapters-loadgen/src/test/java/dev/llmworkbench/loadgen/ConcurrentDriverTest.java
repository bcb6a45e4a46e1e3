package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConcurrentDriverTest {

    private static final long ANSWER_MS = 50;

    private static ScriptedServer server;
    private static URI fifty;

    @BeforeAll
    static void start() throws IOException {
        server = new ScriptedServer();
        fifty = server.script("fifty", exchange -> {
            startStream(exchange);
            Thread.sleep(ANSWER_MS);
            tokens(exchange, List.of("a", "b"), 0);
            event(exchange, usageChunk(3, 2));
            event(exchange, "[DONE]");
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void keepsEveryUserBusyForTheDurationAndMeasuresOnlyWhatFinishedInIt() throws Exception {
        RunClock clock = RunClock.startingNow();
        Measurements measurements = new Measurements(clock.origin());
        long before = System.nanoTime();

        Duration measured = run(clock, new ConcurrentShape(4, 40, Duration.ofSeconds(1)), fifty, measurements);

        long wallMillis = Duration.ofNanos(System.nanoTime() - before).toMillis();
        RunFigures figures = measurements.figures(measured);
        assertEquals(Duration.ofSeconds(1), measured);
        assertTrue(wallMillis < 1_500, "the run stops at its duration: " + wallMillis + " ms");
        assertEquals(Map.of(), figures.failures());
        // Users start 25 ms apart; each answer takes at least 50 ms, so 4 users finish at most 4 * 1000 / 50.
        assertTrue(figures.requests() >= 20 && figures.requests() <= 80, "requests " + figures.requests());
        assertEquals(2.0 * figures.requests(), figures.outputTokensPerS(), 1e-9);
        assertTrue(figures.latency().p50Ms() >= ANSWER_MS, "latency p50 " + figures.latency().p50Ms());
        // Closed loop: the next request is due when the last answered, so a generator that keeps up is never late.
        assertTrue(figures.lateness().p50Ms() < 5, "lateness p50 " + figures.lateness().p50Ms());
        assertEquals(4, measurements.series().stream().mapToInt(SeriesPoint::activeUsers).max().orElse(0));
        assertEquals(figures.requests(), measurements.series().stream().mapToLong(SeriesPoint::requests).sum());
    }

    @Test
    void startsUsersAtTheSpawnRateSoFewerStartInAShortRun() throws Exception {
        RunClock clock = RunClock.startingNow();
        Measurements measurements = new Measurements(clock.origin());

        // At 4 users a second, users are due at 0, 250, 500 and 750 ms: a 600 ms run starts three of ten.
        run(clock, new ConcurrentShape(10, 4, Duration.ofMillis(600)), fifty, measurements);

        assertEquals(3, measurements.series().stream().mapToInt(SeriesPoint::activeUsers).max().orElse(0));
    }

    @Test
    void abandonsRequestsStillInFlightWhenTheDurationEnds() throws Exception {
        URI stalled = server.script("stalled", exchange -> {
            startStream(exchange);
            Thread.sleep(5_000);
            exchange.close();
        });
        RunClock clock = RunClock.startingNow();
        Measurements measurements = new Measurements(clock.origin());
        long before = System.nanoTime();

        run(clock, new ConcurrentShape(3, 100, Duration.ofMillis(300)), stalled, measurements);

        long wallMillis = Duration.ofNanos(System.nanoTime() - before).toMillis();
        assertTrue(wallMillis < 1_500, "the run does not wait for stalled answers: " + wallMillis + " ms");
        assertEquals(0, measurements.figures(Duration.ofMillis(300)).requests());
    }

    private static Duration run(RunClock clock, ConcurrentShape shape, URI url, Measurements measurements)
            throws InterruptedException {
        ChatTarget target = new ChatTarget(url, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(10));
        try (HttpChat chat = new HttpChat(target, clock, String::length)) {
            return new ConcurrentDriver(chat, clock).run(shape, () -> new ChatCall("m", "hi", 3, 2, true),
                    measurements);
        }
    }
}
