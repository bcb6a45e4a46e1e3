package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.loadgen.AnswerListener.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends requests of every scenario (chat completions streamed or not, completions, embeddings, responses) to one
 * target and measures each as a {@link RequestSample}. One instance per target: its single Jetty {@link HttpClient}
 * keeps a pool of HTTP/1.1 connections alive across requests, opening one whenever every other is busy.
 * {@link #send} blocks its caller, which is meant to be a virtual thread; the answer is read on Jetty's threads as
 * it arrives, so the measured times are arrivals, not the end of the body. Failures are measured too, classified,
 * never thrown. Jetty's client, not the JDK's, because it costs about half the CPU per request, and CPU is what a
 * generator runs short of (docs/BENCHMARKS.md, The load generator).
 */
public final class HttpChat implements AutoCloseable {

    /**
     * Connections and queued requests per target: no bound of the client's own below what a run asks for (the
     * plan's users, or an open loop's requests in flight); the machine's ephemeral ports bound them first.
     */
    static final int MAX_PER_DESTINATION = 1 << 16;

    private final ChatTarget target;
    private final RunClock clock;
    private final ToIntFunction<String> tokenCounter;
    private final HttpClient client = new HttpClient();
    private final Map<Scenario, URI> endpoints = new EnumMap<>(Scenario.class);
    private final RequestBodies bodies = new RequestBodies();

    /** {@code tokenCounter} counts output tokens in the model's encoding when the server sends no usage. */
    public HttpChat(ChatTarget target, RunClock clock, ToIntFunction<String> tokenCounter) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
        configure(client, target);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not start", e);
        }
        withoutHandlersOrDecoders(client);
        for (Scenario scenario : Scenario.values()) {
            endpoints.put(scenario, target.endpoint(scenario));
        }
    }

    /**
     * Sends {@code call} now and measures it; {@code scheduledNanos} is when the plan wanted it sent.
     * An interrupt (a cancelled run) abandons the request: it measured nothing worth a sample.
     */
    public RequestSample send(ChatCall call, long scheduledNanos) throws InterruptedException {
        Request request = request(call);
        long sentNanos = System.nanoTime();
        AnswerListener listener = new AnswerListener(new AnswerTracker(AnswerFormat.of(call.scenario()), sentNanos));
        request.send(listener);
        Outcome outcome = await(request, listener);
        // The body's own end stamp, when there is one, leaves out the wake-up of this thread after it.
        Duration latency = outcome.answer().map(Answer::latency)
                .orElseGet(() -> Duration.ofNanos(System.nanoTime() - sentNanos));
        return sample(call, scheduledNanos, sentNanos, latency, outcome);
    }

    /**
     * Sends one {@code GET /models} to the target, its answer ignored (a target need not list its models), to be
     * called before a run's clock starts: the first exchange of a JVM loads Jetty's classes from their jars (the
     * JDK's own client came from the class-data archive), which took seconds on a server's first run and fell in
     * its first step's window. Its connection stays in the pool for the first user.
     */
    public void warmUp() throws InterruptedException {
        String base = target.baseUrl().toString();
        Request request = client.newRequest(base.endsWith("/") ? base + "models" : base + "/models")
                .timeout(target.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        target.apiKey().ifPresent(key -> request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION,
                "Bearer " + key)));
        try {
            request.send();
        } catch (ExecutionException | TimeoutException e) {
            // An unreachable target shows in the run's own requests, classified; the warm-up has nothing to add.
        }
    }

    private static void configure(HttpClient client, ChatTarget target) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("loadgen-http");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setConnectTimeout(target.connectTimeout().toMillis());
        // A server may think for minutes before its first token: only the request timeout may end a quiet exchange.
        client.setIdleTimeout(target.requestTimeout().toMillis());
        client.setMaxConnectionsPerDestination(MAX_PER_DESTINATION);
        client.setMaxRequestsQueuedPerDestination(MAX_PER_DESTINATION);
        // As the JDK client did: a redirect or a 401 is the target's answer, measured and classified, never
        // followed or answered with credentials; no gzip asked for, since a compressed stream arrives in batches.
        client.setFollowRedirects(false);
    }

    /** Emptied after the start, which installs the default handlers (redirects, authentication) and gzip decoding. */
    private static void withoutHandlersOrDecoders(HttpClient client) {
        client.getProtocolHandlers().clear();
        client.getContentDecoderFactories().clear();
    }

    private Request request(ChatCall call) {
        Request request = client.newRequest(endpoints.get(call.scenario()))
                .method(HttpMethod.POST)
                // Bounds the whole exchange, a stalled stream included, not just the wait for the headers.
                .timeout(target.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent("application/json", bodies.of(call)));
        request.headers(headers -> {
            headers.put(HttpHeader.ACCEPT, call.stream() ? "text/event-stream" : "application/json");
            if (call.maxTokens() > 0) {
                // The emulator (and servers that copy it) honour this where they ignore the body's limits.
                headers.put("X-OUTPUT-LENGTH", Integer.toString(call.maxTokens()));
            }
            // Put, not added: a plan that names one of the headers above means to replace it.
            call.headers().forEach(headers::put);
            target.apiKey().ifPresent(key -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + key));
        });
        return request;
    }

    /**
     * Waits for the exchange's end. Jetty's own timeout ends it; the wait allows a second beyond, in case the end is
     * never delivered. An interrupt (a cancelled run) aborts the exchange.
     */
    private Outcome await(Request request, AnswerListener listener) throws InterruptedException {
        long waitNanos = target.requestTimeout().plusSeconds(1).toNanos();
        try {
            return listener.outcome().get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            return Outcome.failure(0, new ErrorClass.Timeout());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the answer's listener failed", e.getCause());
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        }
    }

    private RequestSample sample(ChatCall call, long scheduledNanos, long sentNanos, Duration latency,
            Outcome outcome) {
        Duration lateness = Duration.ofNanos(Math.max(0, sentNanos - scheduledNanos));
        Optional<Answer> answer = outcome.answer();
        Optional<Usage> usage = answer.flatMap(Answer::usage);
        int inputTokens = usage.map(Usage::promptTokens).orElse(call.promptTokens());
        int outputTokens = usage.map(Usage::completionTokens)
                .orElseGet(() -> answer.map(a -> tokenCounter.applyAsInt(a.text())).orElse(0));
        return new RequestSample(clock.at(scheduledNanos), clock.at(sentNanos), lateness,
                answer.flatMap(Answer::ttft), answer.map(Answer::interTokenGaps).orElse(List.of()), latency,
                inputTokens, outputTokens, usage.isPresent(), outcome.status(), outcome.error());
    }

    public Duration requestTimeout() {
        return target.requestTimeout();
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not stop", e);
        }
    }
}
