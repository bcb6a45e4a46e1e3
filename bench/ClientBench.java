import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The HTTP-client choice, measured in one harness shape: USERS virtual threads, each sending a non-streamed chat
 * completion, waiting for the whole answer and sending the next, for SECONDS after WARMUP seconds. "jetty" is Jetty
 * 12's HttpClient configured as adapters-loadgen's HttpChat configures it (a QueuedThreadPool, a connection limit
 * above USERS, a 10-minute total timeout, no protocol handlers, no content decoders, a blocking send); "jetty-vt" the
 * same on Jetty's VirtualThreadPool; "jdk" java.net.http.HttpClient as HttpChat configured it before the switch
 * (HTTP/1.1, a virtual-thread executor, a 10-minute request timeout, sendAsync then a blocking get). Prints one JSON
 * line with the rate and the process's CPU per request.
 *   java -cp "$(cat jetty.cp)" bench/ClientBench.java jetty|jetty-vt|jdk URL [USERS] [SECONDS] [WARMUP]
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
        Duration timeout = Duration.ofMinutes(10);
        try (Sender sender = switch (client) {
            case "jdk" -> new Jdk(url, timeout);
            case "jetty" -> new Jetty(url, timeout, false);
            case "jetty-vt" -> new Jetty(url, timeout, true);
            default -> throw new IllegalArgumentException("client is jetty, jetty-vt or jdk: " + client);
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

        Jdk(URI url, Duration timeout) {
            request = HttpRequest.newBuilder(url).header("Content-Type", "application/json").timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
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
        private static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);
        private final org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
        private final URI url;
        private final Duration timeout;

        Jetty(URI url, Duration timeout, boolean virtualThreads) throws Exception {
            this.url = url;
            this.timeout = timeout;
            client.setExecutor(virtualThreads ? new VirtualThreadPool() : new QueuedThreadPool());
            client.setIdleTimeout(timeout.toMillis());
            client.setMaxConnectionsPerDestination(1 << 16);
            client.setMaxRequestsQueuedPerDestination(1 << 16);
            client.setFollowRedirects(false);
            client.getProtocolHandlers().clear();
            client.getContentDecoderFactories().clear();
            client.start();
        }

        @Override
        public int send() throws Exception {
            ContentResponse response = client.POST(url).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .body(new BytesRequestContent("application/json", BYTES)).send();
            return response.getStatus();
        }

        @Override
        public void close() throws Exception {
            client.stop();
        }
    }
}
