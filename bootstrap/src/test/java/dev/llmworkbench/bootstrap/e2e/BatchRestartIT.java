package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Durable execution: the test server's Liberty process is killed with SIGKILL in the middle of a batch, started
 * again with Liberty's own {@code server start}, and the batch resumes and ends with exactly one output line per
 * input line. The server is left running for the tests after this one.
 */
class BatchRestartIT {
    private static final int LINES = 300;
    private static final String SERVER = "workbench-test";
    /** .../bootstrap/target/liberty/wlp, from the log file the build names. */
    private static final Path WLP = Path.of(System.getProperty("workbench.it.log",
            "target/liberty/wlp/usr/servers/workbench-test/logs/messages.log")).toAbsolutePath().getParent().getParent()
            .getParent().getParent().getParent();

    @Test
    void aBatchCutBySigkillResumesAndAnswersEveryLineOnce() throws Exception {
        String file = BatchFlow.upload(BatchFlow.chatLines("kill", LINES, "gpt-4o"), "batch");
        String id = BatchFlow.create("{\"input_file_id\":\"" + file + "\"}").get("id").asText();
        awaitCompleted(id, 40);

        ProcessHandle liberty = libertyProcess();
        liberty.destroyForcibly();
        liberty.onExit().get(60, TimeUnit.SECONDS);
        int done = start();
        assertEquals(0, done, "server start exit code");
        awaitReady();

        JsonNode ended = BatchFlow.awaitEnd(id, Duration.ofSeconds(180));
        assertEquals("completed", ended.get("status").asText(), ended.toString());
        assertEquals(LINES, ended.get("request_counts").get("completed").asInt());
        assertFalse(ended.has("error_file_id"), ended.toString());
        List<JsonNode> output = BatchFlow.content(ended.get("output_file_id").asText());
        assertEquals(LINES, output.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode line : output) {
            assertTrue(ids.add(line.get("custom_id").asText()), "answered twice: " + line.get("custom_id"));
            assertEquals(200, line.get("response").get("status_code").asInt());
        }
        for (int i = 1; i <= LINES; i++) {
            assertTrue(ids.contains("kill-" + i), "missing kill-" + i);
        }
    }

    private static void awaitCompleted(String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (BatchFlow.get(id).get("request_counts").get("completed").asInt() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "the batch did not get going");
            Thread.sleep(100);
        }
    }

    /**
     * This build's test server: the process whose id Liberty's {@code server start} wrote to
     * {@code usr/servers/.pid/<server>.pid}, else the one whose command line names this Liberty and the server (a long
     * command line may not be readable in full, so the id file comes first).
     */
    private static ProcessHandle libertyProcess() throws IOException {
        Path pidFile = WLP.resolve("usr/servers/.pid/" + SERVER + ".pid");
        if (Files.isRegularFile(pidFile)) {
            Optional<ProcessHandle> byId = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
            if (byId.isPresent() && byId.get().isAlive()) {
                return byId.get();
            }
        }
        List<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .filter(line -> line.contains(WLP.toString()) && line.contains(SERVER) && line.contains("ws-server")).isPresent())
                .toList();
        assertEquals(1, found.size(), "Liberty processes of " + WLP + ": " + found);
        return found.getFirst();
    }

    private static int start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER).inheritIO();
        // The machine's default java may be older than the application needs: the tests' own JDK runs it.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process start = builder.start();
        assertTrue(start.waitFor(120, TimeUnit.SECONDS), "server start did not return");
        return start.exitValue();
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (true) {
            try {
                if (Server.get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            assertTrue(System.nanoTime() < deadline, "the server did not come back");
            Thread.sleep(500);
        }
    }
}
