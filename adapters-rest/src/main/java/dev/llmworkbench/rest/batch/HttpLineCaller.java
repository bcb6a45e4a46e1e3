package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.rest.gateway.BatchLineMark;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batch lines sent over HTTP to this server's own {@code /v1/...} on loopback, so they take the same path as any
 * client's request: the gateway's route resolution (emulator or upstream by model), limits, metrics and log. One
 * client for every line; HTTP/1.1, because the server's connections are many and short-lived enough not to need h2c.
 */
public final class HttpLineCaller implements LineCaller {
    /** Marks the batch server's own requests, for logs and for a gateway that wants to tell them apart. */
    static final String USER_AGENT = "llm-workbench-batch";

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;
    private final BatchLineMark mark;
    private final Optional<String> internalKey;

    /**
     * @param base        the server's root, such as {@code http://localhost:9080}; endpoints' paths start with /v1
     * @param mark        sent with every line, so a line for a collate route's model is answered, not collated again
     * @param internalKey this process's key, sent when {@code base} is this server (so lines pass its access control)
     */
    public HttpLineCaller(URI base, Duration timeout, BatchLineMark mark, InternalKey internalKey) {
        this.base = base;
        this.timeout = timeout;
        this.mark = mark;
        this.internalKey = internalKey.forTarget(base);
        // Never is the JDK's default; said here so that a line's answer is always the one base answered.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Reply call(BatchEndpoint endpoint, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.path()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(BatchLineMark.HEADER, mark.token())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        internalKey.ifPresent(key -> request.header(InternalKey.HEADER, key));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String requestId = response.headers().firstValue("x-request-id").orElseGet(HttpLineCaller::requestId);
        ReplyBody parsed = ReplyBody.of(response.body());
        return new Reply(response.statusCode(), requestId, parsed.json(), parsed.usage(),
                retryAfter(response.headers().firstValue("retry-after-ms"), response.headers().firstValue("retry-after")));
    }

    /**
     * Waits until this server's own readiness check answers 200, so lines resumed at start-up are not sent before the
     * endpoints they go to are deployed (they would get a 404 and be recorded as failed).
     *
     * @return whether the server became ready within {@code patience}
     */
    public boolean awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // the port is not open yet: try again below
            }
            Thread.sleep(Duration.ofMillis(250));
        }
        return false;
    }

    /** OpenAI sends {@code retry-after-ms} beside {@code retry-after} (seconds); an HTTP date is not honoured. */
    static Optional<Duration> retryAfter(Optional<String> millis, Optional<String> seconds) {
        try {
            if (millis.isPresent()) {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            }
            if (seconds.isPresent()) {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(seconds.get().strip()) * 1000)));
            }
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String requestId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    /** The answer's body as JSON and the tokens its usage counts. */
    record ReplyBody(String json, BatchUsage usage) {
        static ReplyBody of(String text) {
            return UsageReader.read(text);
        }
    }
}
