package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.roleChunk;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.tokens;
import static dev.llmworkbench.loadgen.ScriptedServer.usageChunk;
import static dev.llmworkbench.loadgen.ScriptedServer.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpChatTest {

    private static final long TTFT_MS = 100;
    private static final long GAP_MS = 40;
    // The machine is shared: a sleep may overrun, never undershoot; the measured time may trail it by this much.
    private static final long SLACK_MS = 60;
    private static final List<String> FIVE_TOKENS = List.of("a", "b", "c", "d", "e");
    // The timeout tests wait this long; the others allow 5 s, so a busy shared machine never times them out.
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(800);

    private static ScriptedServer server;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        // A JVM's first request loads the HTTP client's classes (Jetty's come from jars, verified, not from the JDK's
        // class-data archive): on a busy machine that alone can exceed a timing's slack. A stream loads those of
        // the chunked, streamed path that the timing tests take.
        send(server.script("warm", exchange -> whole(exchange, 500, "application/json", "{}")), false);
        send(server.script("warmstream", exchange -> {
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 0);
            event(exchange, "[DONE]");
            exchange.close();
        }), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void stampsTtftWhenTheFirstTokenArrivesAndEveryGapAfterIt() throws Exception {
        URI url = server.script("timed", exchange -> {
            Thread.sleep(TTFT_MS);
            startStream(exchange);
            event(exchange, roleChunk());
            tokens(exchange, FIVE_TOKENS, GAP_MS);
            event(exchange, usageChunk(12, 5));
            event(exchange, "[DONE]");
            exchange.close();
        });

        RequestSample sample = send(url, true);

        assertEquals(Optional.empty(), sample.error());
        assertEquals(200, sample.status());
        // No upper bound on TTFT: a loaded shared machine delays the first read by any amount. That it was stamped
        // on arrival, not at the end, is held below: most of the stream came after it.
        assertTrue(sample.ttft().orElseThrow().toMillis() >= TTFT_MS, "ttft " + sample.ttft());
        assertEquals(4, sample.interTokenGaps().size());
        // A read delayed by a busy core can merge two tokens (a zero gap) and double the next one, so the
        // middle two of the sorted gaps are held to the server's sleep, and none may exceed two sleeps and slack.
        List<Long> gaps = sample.interTokenGaps().stream().map(Duration::toMillis).sorted().toList();
        for (long gap : gaps.subList(1, 3)) {
            assertTrue(gap >= GAP_MS - 15 && gap < GAP_MS + SLACK_MS, "gaps " + gaps);
        }
        assertTrue(gaps.get(3) < 2 * GAP_MS + SLACK_MS, "gaps " + gaps);
        // TTFT was stamped when the first token arrived, not when the body ended: most of the stream came after it.
        assertTrue(sample.latency().minus(sample.ttft().get()).toMillis() >= 3 * GAP_MS, "latency "
                + sample.latency() + ", ttft " + sample.ttft().get());
        assertEquals(List.of(12, 5, 1), List.of(sample.inputTokens(), sample.outputTokens(),
                sample.tokensFromUsage() ? 1 : 0));
    }

    @Test
    void asksForUsageInTheLastChunkOfAStream() throws Exception {
        URI url = server.script("asks", exchange -> {
            startStream(exchange);
            event(exchange, "[DONE]");
            exchange.close();
        });
        send(url, true);
        String body = server.requestBodies.stream().filter(b -> b.contains("\"asks-model\"")).findFirst().orElseThrow();
        assertTrue(body.contains("\"stream_options\":{\"include_usage\":true}"), body);
        assertTrue(body.contains("\"max_tokens\":5"), body);
    }

    @Test
    void countsTokensWhenTheServerSendsNoUsage() throws Exception {
        URI url = server.script("counted", exchange -> {
            startStream(exchange);
            tokens(exchange, FIVE_TOKENS, 0);
            event(exchange, "[DONE]");
            exchange.close();
        });

        RequestSample sample = send(url, true);

        assertEquals(Optional.empty(), sample.error());
        assertEquals(false, sample.tokensFromUsage());
        // The counter here counts characters, and each scripted token is one character: "abcde".
        assertEquals(5, sample.outputTokens());
        assertEquals(7, sample.inputTokens(), "the prompt's own count stands in for usage.prompt_tokens");
    }

    @Test
    void readsAWholeAnswerWithItsUsage() throws Exception {
        URI url = server.script("whole", exchange -> {
            Thread.sleep(TTFT_MS);
            whole(exchange, 200, "application/json", "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":"
                    + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},\"finish_reason\":"
                    + "\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}");
        });

        RequestSample sample = send(url, false);

        assertEquals(Optional.empty(), sample.error());
        assertEquals(List.of(9, 2), List.of(sample.inputTokens(), sample.outputTokens()));
        assertTrue(sample.tokensFromUsage());
        assertTrue(sample.ttft().orElseThrow().toMillis() >= TTFT_MS);
        assertEquals(List.of(), sample.interTokenGaps());
    }

    @Test
    void classifiesA429AndA500ByTheirCodes() throws Exception {
        String error = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\",\"param\":null,\"code\":null}}";
        URI tooMany = server.script("429", exchange -> whole(exchange, 429, "application/json", error));
        URI broken = server.script("500", exchange -> whole(exchange, 500, "application/json", error));

        RequestSample limited = send(tooMany, true);
        RequestSample failed = send(broken, false);

        assertEquals(Optional.of(new ErrorClass.HttpStatus(429)), limited.error());
        assertEquals(429, limited.status());
        assertEquals(Optional.of(new ErrorClass.HttpStatus(500)), failed.error());
        assertEquals("http_500", failed.error().get().key());
    }

    @Test
    void classifiesAConnectionDroppedMidStreamAsACutStream() throws Exception {
        URI url = server.script("cut", exchange -> {
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 10);
            // Leaving the handler by an exception makes the JDK server close the socket without the last chunk.
            throw new IOException("scripted cut");
        });

        RequestSample sample = send(url, true);

        assertEquals(Optional.of(new ErrorClass.StreamCut()), sample.error());
        assertEquals(200, sample.status());
    }

    @Test
    void classifiesAStreamThatEndsWithoutDoneAsACutStream() throws Exception {
        URI url = server.script("nodone", exchange -> {
            startStream(exchange);
            tokens(exchange, List.of("a", "b"), 0);
            exchange.close();
        });
        assertEquals(Optional.of(new ErrorClass.StreamCut()), send(url, true).error());
    }

    @Test
    void classifiesChunksThatAreNotJsonAndAWholeBodyThatIsNotJsonAsBadBodies() throws Exception {
        URI badStream = server.script("badstream", exchange -> {
            startStream(exchange);
            event(exchange, "<html>oops</html>");
            event(exchange, "[DONE]");
            exchange.close();
        });
        URI badWhole = server.script("badwhole", exchange -> whole(exchange, 200, "text/html", "<html>oops</html>"));
        URI errorInStream = server.script("errorstream", exchange -> {
            startStream(exchange);
            event(exchange, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
            event(exchange, "[DONE]");
            exchange.close();
        });

        assertEquals(Optional.of(new ErrorClass.BadBody()), send(badStream, true).error());
        assertEquals(Optional.of(new ErrorClass.BadBody()), send(badWhole, false).error());
        assertEquals(Optional.of(new ErrorClass.BadBody()), send(errorInStream, true).error());
    }

    @Test
    void classifiesAClosedPortAsAConnectError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RequestSample sample = send(URI.create("http://127.0.0.1:" + port + "/v1"), true);
        assertEquals(Optional.of(new ErrorClass.Connect()), sample.error());
        assertEquals(0, sample.status());
    }

    @Test
    void classifiesNoHeadersInTimeAndAStalledStreamAsTimeouts() throws Exception {
        URI silent = server.script("silent", exchange -> {
            Thread.sleep(3_000);
            exchange.close();
        });
        URI stalled = server.script("stalled", exchange -> {
            startStream(exchange);
            event(exchange, ScriptedServer.delta("a"));
            Thread.sleep(3_000);
            exchange.close();
        });

        RequestSample noHeaders = send(silent, true, SHORT_TIMEOUT);
        RequestSample stall = send(stalled, true, SHORT_TIMEOUT);

        assertEquals(Optional.of(new ErrorClass.Timeout()), noHeaders.error());
        assertEquals(Optional.of(new ErrorClass.Timeout()), stall.error());
        assertTrue(stall.latency().toMillis() < 2_000, "the whole answer is bounded: " + stall.latency());
    }

    @Test
    void reusesOneKeptAliveConnectionForSuccessiveRequests() throws Exception {
        URI url = server.script("keepalive", exchange -> whole(exchange, 200, "application/json",
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"}}]}"));
        try (HttpChat chat = new HttpChat(target(url), RunClock.startingNow(), String::length)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Optional.empty(), chat.send(new ChatCall("m", "hi", 1, 1, false), System.nanoTime()).error());
            }
        }
        List<Integer> ports = server.portsOf("keepalive");
        assertEquals(3, ports.size());
        assertEquals(1, ports.stream().distinct().count(), "one connection: " + ports);
    }

    @Test
    void sendsTheApiKeyAsABearerTokenAndOnlyThere() throws Exception {
        URI url = server.script("keyed", exchange -> {
            startStream(exchange);
            event(exchange, "[DONE]");
            exchange.close();
        });
        ChatTarget keyed = new ChatTarget(url, Optional.of("sk-secret-17"), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        try (HttpChat chat = new HttpChat(keyed, RunClock.startingNow(), String::length)) {
            chat.send(new ChatCall("keyed-model", "hi", 1, 1, true), System.nanoTime());
        }
        assertTrue(server.authorizations.contains("Bearer sk-secret-17"), server.authorizations.toString());
        String body = server.requestBodies.stream().filter(b -> b.contains("keyed-model")).findFirst().orElseThrow();
        assertTrue(!body.contains("sk-secret-17") && !keyed.toString().contains("sk-secret-17"));
    }

    @Test
    void reportsHowLateItWasSentAgainstThePlan() throws Exception {
        URI url = server.script("late", exchange -> {
            startStream(exchange);
            event(exchange, "[DONE]");
            exchange.close();
        });
        long planned = System.nanoTime() - Duration.ofMillis(50).toNanos();
        RunClock clock = RunClock.startingNow();
        try (HttpChat chat = new HttpChat(target(url), clock, String::length)) {
            RequestSample sample = chat.send(new ChatCall("m", "hi", 7, 5, true), planned);
            assertTrue(sample.lateness().toMillis() >= 50, "lateness " + sample.lateness());
            assertEquals(sample.lateness(), Duration.between(sample.scheduledAt(), sample.sentAt()));
        }
    }

    @Test
    void aRedirectIsTheTargetsAnswerAndIsNeverFollowed() throws Exception {
        URI elsewhere = server.script("elsewhere", exchange -> whole(exchange, 200, "application/json", "{}"));
        URI url = server.script("redirecting", exchange -> {
            exchange.getResponseHeaders().add("Location", elsewhere + "/chat/completions");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        try (HttpChat chat = new HttpChat(target(url), RunClock.startingNow(), String::length)) {
            assertTrue(chat.send(new ChatCall("m", "hi", 1, 1, false), System.nanoTime()).error().isPresent());
        }
        assertEquals(List.of(), server.portsOf("elsewhere"));
    }

    @Test
    void noCompressionIsAskedForSinceACompressedStreamArrivesInBatches() throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        URI url = server.script("plain", exchange -> {
            asked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
            whole(exchange, 200, "application/json", "{}");
        });
        try (HttpChat chat = new HttpChat(target(url), RunClock.startingNow(), String::length)) {
            chat.send(new ChatCall("m", "hi", 1, 1, false), System.nanoTime());
        }
        assertEquals(List.of("null"), asked);
    }

    private static RequestSample send(URI url, boolean stream) throws InterruptedException {
        return send(url, stream, Duration.ofSeconds(5));
    }

    private static RequestSample send(URI url, boolean stream, Duration timeout) throws InterruptedException {
        String model = url.getPath().split("/")[1] + "-model";
        try (HttpChat chat = new HttpChat(target(url, timeout), RunClock.startingNow(), String::length)) {
            return chat.send(new ChatCall(model, "say five letters", 7, 5, stream), System.nanoTime());
        }
    }

    private static ChatTarget target(URI url) {
        return target(url, Duration.ofSeconds(5));
    }

    private static ChatTarget target(URI url, Duration timeout) {
        return new ChatTarget(url, Optional.empty(), Duration.ofSeconds(1), timeout);
    }
}
