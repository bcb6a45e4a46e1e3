package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crash in the middle of everything at once: a batch, a load test and gateway traffic are all under way when the
 * test server's process is killed with SIGKILL, once, and started again; each test then checks what one of them kept.
 * The server is left running for the tests after this one.
 */
class CrashRecoveryIT {
    private static final int LINES = 600;
    private static final String LOAD_TEST = """
            {"input_lens":"8","output_lens":"4","user":2,"time_":"120s","remark":"crash","headers":{"X-TTFT-MS":"10","X-ITL-MS":"5"}}""";
    /** The recorder writes a row within milliseconds; a row still missing this long after its answer was lost by more than the crash. */
    private static final long SETTLED_NANOS = Duration.ofSeconds(5).toNanos();

    private static String batchId;
    private static String runId;
    private static JsonNode runBeforeKill;
    private static List<String> integrityAfterKill;
    private static List<GatewayTraffic.Answered> answeredBeforeKill;
    private static long killedAtNanos;
    private static Instant startedAt;

    @BeforeAll
    static void killTheServerWhileEverythingRuns() throws Exception {
        startedAt = Instant.now();
        String file = BatchFlow.upload(BatchFlow.chatLines("crash", LINES, "gpt-4o"), "batch");
        batchId = BatchFlow.create("{\"input_file_id\":\"" + file + "\"}").get("id").asText();
        runId = LoadTests.start(LOAD_TEST);
        GatewayTraffic traffic = new GatewayTraffic(4, "relay-crash");
        long trafficStarted = System.nanoTime();
        awaitMeasured(runId, 3);
        Thread.sleep(Math.max(0, (trafficStarted + 2 * SETTLED_NANOS - System.nanoTime()) / 1_000_000));
        runBeforeKill = LoadTests.get(runId);
        assertFalse(BatchFlow.ENDED.contains(BatchFlow.get(batchId).get("status").asText()), "the batch ended before the kill");

        LibertyProcess.kill();
        killedAtNanos = System.nanoTime();
        traffic.close();
        answeredBeforeKill = traffic.answered();
        integrityAfterKill = StoreFile.integrityCheck();
        LibertyProcess.start();
    }

    @Test
    void theStoreFileTheCrashLeftPassesSqlitesIntegrityCheck() throws Exception {
        assertEquals(List.of("ok"), integrityAfterKill);
        assertEquals(List.of("ok"), StoreFile.integrityCheck());
    }

    @Test
    void theRunningLoadTestIsInterruptedWithEverySecondAndFigureItHadStored() throws Exception {
        JsonNode run = LoadTests.get(runId);
        assertEquals("interrupted", run.get("status").asText(), run.toString());
        JsonNode before = runBeforeKill.get("result");
        JsonNode after = run.get("result");
        assertTrue(after.get("series").size() >= before.get("series").size(), "series before " + before.get("series").size()
                + ", after " + after.get("series").size());
        assertTrue(after.get("overall").get("requests").asInt() >= before.get("overall").get("requests").asInt(), run.toString());
        assertTrue(before.get("overall").get("requests").asInt() > 0, runBeforeKill.toString());
        assertTrue(after.get("series").get(0).get("requests").asInt() > 0, run.toString());
    }

    @Test
    void everyGatewayAnswerSettledBeforeTheKillIsLoggedAndNoCompletionTwice() throws Exception {
        List<String> settled = answeredBeforeKill.stream().filter(a -> killedAtNanos - a.atNanos() > SETTLED_NANOS)
                .map(GatewayTraffic.Answered::requestId).toList();
        assertTrue(settled.size() > 10, "too little gateway traffic before the kill: " + answeredBeforeKill.size());
        Set<String> missing = new HashSet<>(settled);
        missing.removeAll(StoreFile.logged(settled));
        assertEquals(Set.of(), missing, "answered more than 5 s before the kill, not in the log");
        assertEquals(List.of(), StoreFile.completionsLoggedTwice(startedAt));
    }

    @Test
    void theBatchResumesAndAnswersEveryLineExactlyOnce() throws Exception {
        JsonNode ended = BatchFlow.awaitEnd(batchId, Duration.ofSeconds(240));
        assertEquals("completed", ended.get("status").asText(), ended.toString());
        assertEquals(LINES, ended.get("request_counts").get("completed").asInt());
        List<JsonNode> output = BatchFlow.content(ended.get("output_file_id").asText());
        Set<String> ids = new HashSet<>();
        for (JsonNode line : output) {
            assertTrue(ids.add(line.get("custom_id").asText()), "answered twice: " + line.get("custom_id"));
        }
        assertEquals(LINES, ids.size());
        assertEquals(List.of(), StoreFile.completionsLoggedTwice(startedAt));
    }

    /** Until a stored snapshot has {@code seconds} of series and requests answered (a busy machine may take a while). */
    private static void awaitMeasured(String id, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonNode run = LoadTests.get(id);
            JsonNode result = run.get("result");
            if (result != null && !result.isNull() && result.get("series").size() >= seconds
                    && result.get("overall").get("requests").asInt() > 0) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the load test measured no " + seconds + " seconds: " + run);
            Thread.sleep(200);
        }
    }
}
