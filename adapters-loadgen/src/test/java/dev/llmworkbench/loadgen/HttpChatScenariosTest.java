package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.ScriptedServer.event;
import static dev.llmworkbench.loadgen.ScriptedServer.startStream;
import static dev.llmworkbench.loadgen.ScriptedServer.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HttpChat against the answers of every scenario but chat, in the shapes of OpenAI's own examples. */
class HttpChatScenariosTest {

    private static final long TTFT_MS = 100;
    private static final long GAP_MS = 40;

    private static ScriptedServer server;
    private static final Map<String, Map<String, String>> headersByName = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new ScriptedServer();
        // The first request of a JVM loads the HTTP client's and the JSON reader's classes, hundreds of milliseconds
        // on a busy machine that the timing tests would otherwise measure as the server's.
        URI warmUp = server.script("warmup", "embeddings", exchange ->
                whole(exchange, 200, "application/json", OpenAiExamples.json("embedding.json")));
        send(warmUp, call(Scenario.EMBEDDINGS, 0));
        URI warmStream = server.script("warmstream", "completions", exchange -> {
            startStream(exchange);
            event(exchange, completionChunk("a"));
            event(exchange, "[DONE]");
            exchange.close();
        });
        send(warmStream, call(Scenario.COMPLETIONS, 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void streamsACompletionStampingTtftAtTheFirstTextAndReadingTheUsageChunk() throws Exception {
        URI url = server.script("completions", "completions", exchange -> {
            Thread.sleep(TTFT_MS);
            startStream(exchange);
            for (String text : List.of("This", " is", " indeed", " a")) {
                if (!text.equals("This")) {
                    Thread.sleep(GAP_MS);
                }
                event(exchange, completionChunk(text));
            }
            event(exchange, completionUsageChunk());
            event(exchange, "[DONE]");
            exchange.close();
        });

        RequestSample sample = send(url, call(Scenario.COMPLETIONS, 7));

        assertEquals(Optional.empty(), sample.error());
        // A sleep never undershoots, so TTFT is at least the server's; and most of the stream came after it, so it
        // was stamped at the first text, not at the end. (No upper bound: a shared machine's delays have none.)
        assertTrue(sample.ttft().orElseThrow().toMillis() >= TTFT_MS, "ttft " + sample.ttft());
        assertTrue(sample.latency().minus(sample.ttft().get()).toMillis() >= 2 * GAP_MS, "latency " + sample.latency());
        assertEquals(3, sample.interTokenGaps().size());
        // OpenAI's completion example bills 5 prompt and 7 completion tokens.
        assertEquals(List.of(5, 7, true), List.of(sample.inputTokens(), sample.outputTokens(), sample.tokensFromUsage()));
    }

    @Test
    void readsTheResponsesApisDeltasAsTokensAndItsCompletedEventForUsageWithoutDone() throws Exception {
        URI url = server.script("responses", "responses", exchange -> {
            startStream(exchange);
            List<String> events = OpenAiExamples.responseStream();
            int firstDelta = indexOf(events, "response.output_text.delta");
            events.subList(0, firstDelta).forEach(e -> raw(exchange, e));
            // Created and in-progress events come at once; the first token only after the time to first token.
            Thread.sleep(TTFT_MS);
            raw(exchange, events.get(firstDelta));
            for (String delta : List.of(" there", "!")) {
                Thread.sleep(GAP_MS);
                event(exchange, responseDelta(delta));
            }
            // The example's "..." stands for the elided deltas: a line the SSE parser must ignore.
            events.subList(firstDelta + 1, events.size()).forEach(e -> raw(exchange, e));
            exchange.close();
        });

        RequestSample sample = send(url, call(Scenario.RESPONSES, 11));

        assertEquals(Optional.empty(), sample.error());
        // Not stamped at response.created, which came at once, nor at the end, which came two gaps later.
        assertTrue(sample.ttft().orElseThrow().toMillis() >= TTFT_MS, "ttft " + sample.ttft());
        assertTrue(sample.latency().minus(sample.ttft().get()).toMillis() >= GAP_MS, "latency " + sample.latency());
        assertEquals(2, sample.interTokenGaps().size());
        // The example's response.completed reports 37 input and 11 output tokens.
        assertEquals(List.of(37, 11, true), List.of(sample.inputTokens(), sample.outputTokens(), sample.tokensFromUsage()));
    }

    @Test
    void countsTheTokensOfAnIncompleteResponseThatCameWithoutUsage() throws Exception {
        URI url = server.script("incomplete", "responses", exchange -> {
            startStream(exchange);
            event(exchange, responseDelta("ab"));
            event(exchange, responseDelta("c"));
            event(exchange, OpenAiExamples.json("response-incomplete.json"));
            exchange.close();
        });

        RequestSample sample = send(url, call(Scenario.RESPONSES, 3));

        assertEquals(Optional.empty(), sample.error());
        // The counter counts characters: "abc". The prompt's own count stands in for the input.
        assertEquals(List.of(9, 3, false), List.of(sample.inputTokens(), sample.outputTokens(), sample.tokensFromUsage()));
    }

    @Test
    void classifiesAResponsesStreamThatEndsBeforeItsLastEventAsACutStream() throws Exception {
        URI url = server.script("responsecut", "responses", exchange -> {
            startStream(exchange);
            event(exchange, responseDelta("Hi"));
            exchange.close();
        });
        assertEquals(Optional.of(new ErrorClass.StreamCut()), send(url, call(Scenario.RESPONSES, 3)).error());
    }

    @Test
    void classifiesAResponsesErrorEventAndAFailedResponseAsBadBodies() throws Exception {
        URI error = server.script("responseerror", "responses", exchange -> {
            startStream(exchange);
            event(exchange, responseDelta("Hi"));
            event(exchange, OpenAiExamples.json("response-error.json"));
            exchange.close();
        });
        URI failed = server.script("responsefailed", "responses", exchange -> {
            startStream(exchange);
            event(exchange, OpenAiExamples.json("response-failed.json"));
            exchange.close();
        });

        assertEquals(Optional.of(new ErrorClass.BadBody()), send(error, call(Scenario.RESPONSES, 3)).error());
        assertEquals(Optional.of(new ErrorClass.BadBody()), send(failed, call(Scenario.RESPONSES, 3)).error());
    }

    @Test
    void measuresAnEmbeddingByItsLatencyAloneWithTheInputsUsage() throws Exception {
        URI url = server.script("embeddings", "embeddings", exchange -> {
            Thread.sleep(TTFT_MS);
            whole(exchange, 200, "application/json", OpenAiExamples.json("embedding.json"));
        });

        RequestSample sample = send(url, call(Scenario.EMBEDDINGS, 0));

        assertEquals(Optional.empty(), sample.error());
        assertEquals(Optional.empty(), sample.ttft());
        assertEquals(List.of(), sample.interTokenGaps());
        assertTrue(sample.latency().toMillis() >= TTFT_MS, "latency " + sample.latency());
        // The embedding example bills 8 prompt tokens; an embedding has no output.
        assertEquals(List.of(8, 0, true), List.of(sample.inputTokens(), sample.outputTokens(), sample.tokensFromUsage()));
    }

    @Test
    void classifiesAnEmbeddingsAnswerThatIsNotAListAsABadBody() throws Exception {
        URI url = server.script("notalist", "embeddings", exchange ->
                whole(exchange, 200, "application/json", OpenAiExamples.json("completion.json")));
        assertEquals(Optional.of(new ErrorClass.BadBody()), send(url, call(Scenario.EMBEDDINGS, 0)).error());
    }

    @Test
    void sendsThePlansHeadersAndAsksForTheOutputLengthByHeaderExceptForEmbeddings() throws Exception {
        URI chat = server.script("headerchat", "chat/completions", exchange -> {
            recordHeaders("headerchat", exchange);
            startStream(exchange);
            event(exchange, "[DONE]");
            exchange.close();
        });
        URI embeddings = server.script("headerembed", "embeddings", exchange -> {
            recordHeaders("headerembed", exchange);
            whole(exchange, 200, "application/json", OpenAiExamples.json("embedding.json"));
        });
        Map<String, String> plan = Map.of("X-TTFT-MS", "100", "X-Fail-Rate", "0.2");

        send(chat, new ChatCall(Scenario.CHAT_COMPLETIONS, "m", new RecordedPrompt.Text("hi"), 9, 12, true, plan));
        send(embeddings, new ChatCall(Scenario.EMBEDDINGS, "m", new RecordedPrompt.Text("hi"), 9, 0, true, plan));

        assertEquals(List.of("100", "0.2", "12"), List.of(headersByName.get("headerchat").get("x-ttft-ms"),
                headersByName.get("headerchat").get("x-fail-rate"), headersByName.get("headerchat").get("x-output-length")));
        assertEquals(List.of("100", "none"), List.of(headersByName.get("headerembed").get("x-ttft-ms"),
                headersByName.get("headerembed").getOrDefault("x-output-length", "none")));
    }

    @Test
    void letsAPlanHeaderReplaceTheOutputLengthHeaderInsteadOfSendingTwo() throws Exception {
        URI url = server.script("replaced", "completions", exchange -> {
            headersByName.put("replaced", Map.of("x-output-length",
                    String.join(",", exchange.getRequestHeaders().get("X-Output-Length"))));
            startStream(exchange);
            event(exchange, "[DONE]");
            exchange.close();
        });
        send(url, new ChatCall(Scenario.COMPLETIONS, "m", new RecordedPrompt.Text("hi"), 9, 12, false,
                Map.of("X-OUTPUT-LENGTH", "3")));
        assertEquals("3", headersByName.get("replaced").get("x-output-length"));
    }

    private static void recordHeaders(String name, HttpExchange exchange) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(",", values)));
        headersByName.put(name, headers);
    }

    private static ChatCall call(Scenario scenario, int maxTokens) {
        return new ChatCall(scenario, "m", new RecordedPrompt.Text("Say this is a test"), 9, maxTokens, false, Map.of());
    }

    private static RequestSample send(URI url, ChatCall call) throws InterruptedException {
        ChatTarget target = new ChatTarget(url, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (HttpChat chat = new HttpChat(target, RunClock.startingNow(), String::length)) {
            return chat.send(call, System.nanoTime());
        }
    }

    private static String completionChunk(String text) {
        return OpenAiExamples.json("completion-chunk.json").replace("\"text\":\"This\"", "\"text\":\"" + text + "\"");
    }

    /** The last chunk stream_options.include_usage asks for: the usage of OpenAI's completion example, no choices. */
    private static String completionUsageChunk() {
        return Json.createObjectBuilder(OpenAiExamples.object("completion.json"))
                .add("choices", Json.createArrayBuilder()).build().toString();
    }

    private static String responseDelta(String delta) {
        return Json.createObjectBuilder(OpenAiExamples.object("response-text-delta.json"))
                .add("delta", delta).build().toString();
    }

    private static int indexOf(List<String> events, String type) {
        List<String> names = new ArrayList<>();
        for (String event : events) {
            names.add(event.lines().findFirst().orElse(""));
        }
        return names.indexOf("event: " + type);
    }

    private static void raw(HttpExchange exchange, String event) {
        try {
            OutputStream body = exchange.getResponseBody();
            body.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
            body.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
