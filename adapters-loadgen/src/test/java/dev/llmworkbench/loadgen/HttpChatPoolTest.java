package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HttpChat's connection pool against more users at once than Jetty's defaults allow a destination. */
class HttpChatPoolTest {

    // Jetty's HttpClient defaults: 64 connections and 1,024 queued requests per destination.
    private static final int JETTY_DEFAULT_CONNECTIONS = 64;
    private static final int JETTY_DEFAULT_QUEUE = 1_024;
    private static final int USERS = JETTY_DEFAULT_QUEUE + 200;
    private static final long ANSWER_MS = 1_000;

    @Test
    void sendsEveryRequestOfMoreUsersThanJettysDefaultPoolAndQueueHold() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer()) {
            URI url = server.script("many", exchange -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(ANSWER_MS);
                    startStream(exchange);
                    tokens(exchange, List.of("a"), 0);
                    event(exchange, "[DONE]");
                } finally {
                    inFlight.decrementAndGet();
                }
                exchange.close();
            });
            Map<String, Integer> outcomes = sendAtOnce(url);

            assertEquals(Map.of("ok", USERS), outcomes);
            // Jetty's default pool would have held them to 64 at a time, and its default queue refused the rest.
            assertTrue(mostInFlight.get() > JETTY_DEFAULT_CONNECTIONS, "most in flight " + mostInFlight.get());
        }
    }

    private static Map<String, Integer> sendAtOnce(URI url) throws Exception {
        ChatTarget target = new ChatTarget(url, Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(60));
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        try (HttpChat chat = new HttpChat(target, RunClock.startingNow(), String::length);
                ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RequestSample>> samples = new ArrayList<>();
            for (int user = 0; user < USERS; user++) {
                samples.add(users.submit(() -> chat.send(new ChatCall("m", "hi", 1, 1, true), System.nanoTime())));
            }
            for (Future<RequestSample> sample : samples) {
                outcomes.merge(sample.get().error().map(ErrorClass::key).orElse("ok"), 1, Integer::sum);
            }
        }
        return outcomes;
    }
}
