package dev.llmworkbench.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Liberty server of this build, beside the shared test server: its own server directory in the build's
 * runtime (bootstrap/target/liberty/wlp), the test server's server.xml and WAR, a free loopback port, and the
 * MicroProfile Config entries a test gives it as system properties. A value may name the port as {@code {port}}
 * (a route back at the server itself). {@link #start} returns once {@code /health/ready} answers 200;
 * {@link #close} stops it. Data and logs stay in its directory for a test to read.
 */
final class ExtraServer implements AutoCloseable {
    private static final String TEST_SERVER = "workbench-test";
    /** .../bootstrap/target/liberty/wlp, from the test server's log file that the build names. */
    static final Path WLP = Path.of(System.getProperty("workbench.it.log",
            "target/liberty/wlp/usr/servers/workbench-test/logs/messages.log")).toAbsolutePath().getParent().getParent()
            .getParent().getParent().getParent();
    private static final Duration START_BOUND = Duration.ofSeconds(300);

    private final String name;
    private final int port;
    private final Path directory;

    private ExtraServer(String name, int port, Path directory) {
        this.name = name;
        this.port = port;
        this.directory = directory;
    }

    /** Creates the server {@code name} afresh (a directory left by an earlier run is replaced) and starts it. */
    static ExtraServer start(String name, Map<String, String> config) throws Exception {
        int port = freePort();
        Path servers = WLP.resolve("usr/servers");
        Path directory = servers.resolve(name);
        stop(name);
        delete(directory);
        Files.createDirectories(directory.resolve("apps"));
        Path test = servers.resolve(TEST_SERVER);
        Files.copy(test.resolve("server.xml"), directory.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(test.resolve("apps/llm-workbench.war"), directory.resolve("apps/llm-workbench.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(directory.resolve("bootstrap.properties"), "http.port=" + port + "\n");
        List<String> options = new ArrayList<>(List.of("-XX:+UseZGC", "-Dworkbench.data.dir=" + directory.resolve("data")));
        config.forEach((key, value) -> options.add("-D" + key + "=" + value.replace("{port}", Integer.toString(port))));
        Files.write(directory.resolve("jvm.options"), options);
        ExtraServer server = new ExtraServer(name, port, directory);
        int exit = server.command("start");
        if (exit != 0) {
            throw new IllegalStateException("server start " + name + " exited with " + exit);
        }
        server.awaitReady();
        return server;
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    Path logs() {
        return directory.resolve("logs");
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        request.timeout(Duration.ofSeconds(120));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Server.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        command("stop");
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        command("stop");
        throw new IllegalStateException("server " + name + " was not ready on port " + port + " within " + START_BOUND);
    }

    private int command(String action) throws Exception {
        return run(action, name);
    }

    private static void stop(String name) throws Exception {
        if (Files.isDirectory(WLP.resolve("usr/servers").resolve(name))) {
            run("stop", name);
        }
    }

    private static int run(String action, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The machine's default java may be older than the application needs: the tests' own JDK runs it.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not return");
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
