import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;

/**
 * The HTTP-client choice, measured in one harness shape: USERS virtual threads, each sending a non-streamed chat
 * completion, waiting for the whole answer and sending the next, for SECONDS after WARMUP seconds. "jdk" is
 * java.net.http.HttpClient configured as adapters-loadgen's HttpChat configures it (HTTP/1.1, a virtual-thread
 * executor, a 10-minute request timeout, sendAsync then a blocking get); "jetty" is Jetty 12's HttpClient with its
 * own defaults but for the connection limit, raised to USERS, and the same request timeout. "-untimed" sends the
 * same requests without a request timeout. Prints one JSON line with the rate and the process's CPU per request.
 *   java -cp "$(cat jetty.cp)" bench/ClientBench.java jdk|jdk-untimed|jetty|jetty-untimed URL [USERS] [SECONDS] [WARMUP]
 */
public class ClientBench {

    static final String BODY = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
            + "\"max_tokens\":10,\"stream\":false}";

    interface Sender extends AutoCloseable {
        /** Sends one request, reads the whole answer, returns its status. */
        int send() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        URI url = URI.create(args[1]);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Optional<Duration> timeout = client.endsWith("-untimed") ? Optional.empty() : Optional.of(Duration.ofMinutes(10));
        try (Sender sender = switch (client.replace("-untimed", "")) {
            case "jdk" -> new Jdk(url, timeout);
            case "jetty" -> new Jetty(url, users, timeout);
            default -> throw new IllegalArgumentException("client is jdk, jdk-untimed, jetty or jetty-untimed: " + client);
        }) {
            drive(sender, users, warmup);
            long cpuBefore = cpuNanos();
            Result result = drive(sender, users, seconds);
            double cpuPerRequestUs = (cpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.ok);
            System.out.printf(Locale.ROOT, "{\"client\":\"%s\",\"users\":%d,\"seconds\":%d,\"requests\":%d,"
                    + "\"errors\":%d,\"requests_per_s\":%.1f,\"cpu_us_per_request\":%.1f}%n", client, users, seconds,
                    result.ok, result.errors, result.ok / result.elapsedS, cpuPerRequestUs);
        }
    }

    record Result(long ok, long errors, double elapsedS) {
    }

    static Result drive(Sender sender, int users, int seconds) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            (sender.send() == 200 ? ok : errors).increment();
                        } catch (Exception e) {
                            errors.increment();
                        }
                    }
                });
            }
        }
        return new Result(ok.sum(), errors.sum(), (System.nanoTime() - start) / 1e9);
    }

    /** The process's CPU time (user + system), all threads: what one request costs the client machine. */
    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    static final class Jdk implements Sender {
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(executor).build();
        private final HttpRequest request;

        Jdk(URI url, Optional<Duration> timeout) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY));
            timeout.ifPresent(builder::timeout);
            request = builder.build();
        }

        @Override
        public int send() throws Exception {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get().statusCode();
        }

        @Override
        public void close() {
            client.close();
            executor.close();
        }
    }

    static final class Jetty implements Sender {
        private final org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
        private final URI url;
        private final Optional<Duration> timeout;

        Jetty(URI url, int users, Optional<Duration> timeout) throws Exception {
            this.url = url;
            this.timeout = timeout;
            client.setMaxConnectionsPerDestination(users);
            client.start();
        }

        @Override
        public int send() throws Exception {
            Request request = client.POST(url)
                    .body(new StringRequestContent("application/json", BODY, StandardCharsets.UTF_8));
            timeout.ifPresent(t -> request.timeout(t.toMillis(), TimeUnit.MILLISECONDS));
            ContentResponse response = request.send();
            return response.getStatus();
        }

        @Override
        public void close() throws Exception {
            client.stop();
        }
    }
}
