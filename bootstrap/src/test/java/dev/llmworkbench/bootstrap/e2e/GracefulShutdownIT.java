package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty's {@code server stop} (not a kill) while streams of every kind are open, a load test runs, a batch is
 * half done and completion-log rows were just queued; the server is started again once, and each test checks what
 * one of them saw or kept. The test server runs with the default grace, {@code workbench.shutdown.grace-ms} 10000.
 */
class GracefulShutdownIT {
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** From the test's {@code server stop} to Liberty closing its listener, a JVM's start on a busy shared machine. */
    private static final Duration STOP_OVERHEAD = Duration.ofSeconds(30);
    /** Liberty's quiesce, which waits up to this long for connections still open before it stops the application. */
    private static final Duration QUIESCE = Duration.ofSeconds(30);
    private static final int LINES = 600;
    private static final String CHAT = "{\"model\":\"%s\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"stop\"}]}";
    private static final String LOAD_TEST = """
            {"input_lens":"8","output_lens":"4","user":2,"time_":"120s","remark":"stop","headers":{"X-TTFT-MS":"10","X-ITL-MS":"5"}}""";

    private static SseWatch shortChat;
    private static SseWatch longChat;
    private static SseWatch longResponses;
    private static SseWatch gatewayChat;
    private static SseWatch runEvents;
    private static String runId;
    private static String batchId;
    private static List<String> answeredJustBeforeStop;
    private static Set<String> loggedWhileStopped;
    private static long stopStartedNanos;
    private static long stoppedNanos;

    @BeforeAll
    static void stopTheServerWhileEverythingRuns() throws Exception {
        String file = BatchFlow.upload(BatchFlow.chatLines("stop", LINES, "gpt-4o"), "batch");
        batchId = BatchFlow.create("{\"input_file_id\":\"" + file + "\"}").get("id").asText();
        runId = LoadTests.start(LOAD_TEST);
        LoadTests.await(runId, "running", Duration.ofSeconds(60));
        runEvents = SseWatch.get("/api/load-tests/" + runId + "/events").awaitLines(1, Duration.ofSeconds(30));
        // 30 tokens 100 ms apart end well within the grace; 300 tokens 300 ms apart do not.
        shortChat = SseWatch.post("/v1/chat/completions", CHAT.formatted("gpt-4o"), "X-ITL-MS", "100", "X-OUTPUT-LENGTH", "30");
        longChat = SseWatch.post("/v1/chat/completions", CHAT.formatted("gpt-4o"), "X-ITL-MS", "300", "X-OUTPUT-LENGTH", "300");
        gatewayChat = SseWatch.post("/v1/chat/completions", CHAT.formatted("relay-stop"), "X-ITL-MS", "300", "X-OUTPUT-LENGTH", "300");
        longResponses = SseWatch.post("/v1/responses", "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"stop\"}",
                "X-ITL-MS", "300", "X-OUTPUT-LENGTH", "300");
        for (SseWatch open : List.of(shortChat, longChat, gatewayChat, longResponses)) {
            open.awaitLines(1, Duration.ofSeconds(30));
        }
        answeredJustBeforeStop = answerThroughTheGateway(40);

        stopStartedNanos = System.nanoTime();
        LibertyProcess.stop();
        stoppedNanos = System.nanoTime();
        loggedWhileStopped = StoreFile.logged(answeredJustBeforeStop);
        LibertyProcess.start();
    }

    @Test
    void theStopEndsWithinLibertysQuiesceAndTheGrace() {
        Duration took = Duration.ofNanos(stoppedNanos - stopStartedNanos);
        assertTrue(took.compareTo(QUIESCE.plus(GRACE.multipliedBy(2)).plus(STOP_OVERHEAD)) < 0, "server stop took " + took);
    }

    @Test
    void aStreamThatCanFinishWithinTheGraceFinishesWithDone() throws Exception {
        assertTrue(shortChat.awaitEnd(Duration.ofSeconds(1)));
        assertEquals(200, shortChat.status());
        assertEquals("[DONE]", shortChat.lastData(), shortChat.lines().toString());
    }

    @Test
    void aLongChatStreamEndsWithOpenAisErrorObjectWithinTheGrace() throws Exception {
        assertEndedWithinTheGrace(longChat);
        JsonNode error = LoadTests.JSON.readTree(longChat.lastData()).get("error");
        assertEquals("server_shutting_down", error.get("code").asText(), longChat.lastData());
        assertEquals("server_error", error.get("type").asText());
    }

    @Test
    void aLongResponsesStreamEndsWithTheApisErrorEvent() throws Exception {
        assertEndedWithinTheGrace(longResponses);
        List<String> lines = longResponses.lines();
        assertTrue(lines.contains("event: error"), lines.toString());
        OpenApiSchemas.assertValid("ResponseStreamEvent", longResponses.lastData());
        assertEquals("server_shutting_down", LoadTests.JSON.readTree(longResponses.lastData()).get("code").asText());
    }

    @Test
    void aStreamThroughAGatewayRouteEndsWithAnErrorEvent() throws Exception {
        assertEndedWithinTheGrace(gatewayChat);
        assertTrue(LoadTests.JSON.readTree(gatewayChat.lastData()).has("error"), gatewayChat.lastData());
        assertFalse(gatewayChat.lines().contains("data: [DONE]"));
    }

    @Test
    void theLoadTestsEventStreamEndsWithDoneAndTheRunIsStoredInterruptedWithItsResults() throws Exception {
        assertEndedWithinTheGrace(runEvents);
        List<String> lines = runEvents.lines();
        assertTrue(lines.contains("event: done"), lines.toString());
        assertEquals("interrupted", LoadTests.JSON.readTree(runEvents.lastData()).get("status").asText());
        JsonNode run = LoadTests.get(runId);
        assertEquals("interrupted", run.get("status").asText());
        assertTrue(run.get("result").get("overall").get("requests").asInt() > 0, run.toString());
        assertTrue(run.get("result").get("series").size() >= 1, run.toString());
    }

    @Test
    void everyCompletionAnsweredJustBeforeTheStopIsInTheStoreFileWhileTheServerIsDown() {
        assertEquals(40, answeredJustBeforeStop.size());
        Set<String> missing = new HashSet<>(answeredJustBeforeStop);
        missing.removeAll(loggedWhileStopped);
        assertEquals(Set.of(), missing);
    }

    @Test
    void theBatchStopsAtALineBoundaryAndResumesToAnswerEveryLineOnce() throws Exception {
        JsonNode ended = BatchFlow.awaitEnd(batchId, Duration.ofSeconds(240));
        assertEquals("completed", ended.get("status").asText(), ended.toString());
        List<JsonNode> output = BatchFlow.content(ended.get("output_file_id").asText());
        Set<String> ids = new HashSet<>();
        for (JsonNode line : output) {
            assertTrue(ids.add(line.get("custom_id").asText()), "answered twice: " + line.get("custom_id"));
            assertEquals(200, line.get("response").get("status_code").asInt());
        }
        assertEquals(LINES, ids.size());
    }

    private static void assertEndedWithinTheGrace(SseWatch watch) throws Exception {
        assertTrue(watch.awaitEnd(Duration.ofSeconds(1)), "still open after the restart");
        assertEquals(200, watch.status());
        Duration after = Duration.ofNanos(watch.endedAtNanos() - stopStartedNanos);
        assertTrue(after.compareTo(GRACE.plus(STOP_OVERHEAD)) < 0, "ended " + after + " after the stop began");
    }

    /** Non-streamed chats through the relay route, all at once; the request ids of the answers. */
    private static List<String> answerThroughTheGateway(int count) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(() -> Server.postJson("/v1/chat/completions",
                        "{\"model\":\"relay-flush\",\"messages\":[{\"role\":\"user\",\"content\":\"flush\"}]}",
                        "X-TTFT-MS", "5", "X-OUTPUT-LENGTH", "4"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : clients.invokeAll(calls)) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
                ids.add(answer.get().headers().firstValue("x-request-id").orElseThrow());
            }
            return ids;
        }
    }
}
