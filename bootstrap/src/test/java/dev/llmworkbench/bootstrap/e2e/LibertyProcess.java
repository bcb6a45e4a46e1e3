package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The test server's Liberty process, for the tests that end it: killed with SIGKILL as a crash would, or stopped
 * with Liberty's own {@code server stop}, then started again with {@code server start} (the same server directory,
 * jvm.options and data) and awaited until ready. The tests after these find the server running.
 */
final class LibertyProcess {
    private static final String SERVER = "workbench-test";
    /** .../bootstrap/target/liberty/wlp, from the log file the build names. */
    private static final Path WLP = Path.of(System.getProperty("workbench.it.log",
            "target/liberty/wlp/usr/servers/workbench-test/logs/messages.log")).toAbsolutePath().getParent().getParent()
            .getParent().getParent().getParent();

    private LibertyProcess() {
    }

    /** SIGKILL, and waits until the process is gone. */
    static void kill() throws Exception {
        ProcessHandle liberty = find();
        liberty.destroyForcibly();
        liberty.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Liberty's {@code server stop}: the application's shutdown runs; returns once the process is gone. */
    static void stop() throws Exception {
        ProcessHandle liberty = find();
        assertEquals(0, server("stop"), "server stop exit code");
        liberty.onExit().get(120, TimeUnit.SECONDS);
    }

    /** {@code server start}, then waits until {@code /health/ready} answers 200. */
    static void start() throws Exception {
        assertEquals(0, server("start"), "server start exit code");
        awaitReady();
    }

    /** The server's messages.log, where the application's log lines land. */
    static Path messagesLog() {
        return WLP.resolve("usr/servers/" + SERVER + "/logs/messages.log");
    }

    /**
     * This build's test server: the process whose id Liberty's {@code server start} wrote to
     * {@code usr/servers/.pid/<server>.pid}, else the one whose command line names this Liberty and the server (a long
     * command line may not be readable in full, so the id file comes first).
     */
    private static ProcessHandle find() throws IOException {
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

    private static int server(String action) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, SERVER).inheritIO();
        // The machine's default java may be older than the application needs: the tests' own JDK runs it.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " did not return");
        return process.exitValue();
    }

    private static void awaitReady() throws Exception {
        // A shared two-core machine has taken over 200 s to start Liberty's features alone.
        long deadline = System.nanoTime() + Duration.ofSeconds(480).toNanos();
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
