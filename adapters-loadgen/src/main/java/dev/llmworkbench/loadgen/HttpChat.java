package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Sends requests of every scenario (chat completions streamed or not, completions, embeddings, responses) to one
 * target and measures each as a {@link RequestSample}. One instance per target:
 * its single {@link HttpClient} keeps HTTP/1.1 connections alive across requests. {@link #send} blocks its
 * caller, which is meant to be a virtual thread; the answer is read as it arrives, so the measured times are
 * arrivals, not the end of the body. Failures are measured too, classified, never thrown.
 */
public final class HttpChat implements AutoCloseable {

    private final ChatTarget target;
    private final RunClock clock;
    private final ToIntFunction<String> tokenCounter;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final Map<Scenario, URI> endpoints = new EnumMap<>(Scenario.class);
    private final RequestBodies bodies = new RequestBodies();

    /** {@code tokenCounter} counts output tokens in the model's encoding when the server sends no usage. */
    public HttpChat(ChatTarget target, RunClock clock, ToIntFunction<String> tokenCounter) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.connectTimeout())
                .executor(executor)
                .build();
        for (Scenario scenario : Scenario.values()) {
            endpoints.put(scenario, target.endpoint(scenario));
        }
    }

    /**
     * Sends {@code call} now and measures it; {@code scheduledNanos} is when the plan wanted it sent.
     * An interrupt (a cancelled run) abandons the request: it measured nothing worth a sample.
     */
    public RequestSample send(ChatCall call, long scheduledNanos) throws InterruptedException {
        HttpRequest request = request(call);
        long sentNanos = System.nanoTime();
        AtomicInteger status = new AtomicInteger();
        CompletableFuture<HttpResponse<Answer>> response = client.sendAsync(request, info -> {
            status.set(info.statusCode());
            return info.statusCode() == 200
                    ? new AnswerSubscriber(new AnswerTracker(AnswerFormat.of(call.scenario()), sentNanos))
                    : BodySubscribers.replacing(null);
        });
        Outcome outcome = await(response, status);
        // The body's own end stamp, when there is one, leaves out the wake-up of this thread after it.
        Duration latency = outcome.answer().map(Answer::latency)
                .orElseGet(() -> Duration.ofNanos(System.nanoTime() - sentNanos));
        return sample(call, scheduledNanos, sentNanos, latency, outcome);
    }

    private HttpRequest request(ChatCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoints.get(call.scenario()))
                .timeout(target.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", call.stream() ? "text/event-stream" : "application/json");
        if (call.maxTokens() > 0) {
            // The emulator (and servers that copy it) honour this where they ignore the body's limits.
            builder.header("X-OUTPUT-LENGTH", Integer.toString(call.maxTokens()));
        }
        // Set, not added: a plan that names one of the headers above means to replace it.
        call.headers().forEach(builder::setHeader);
        target.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.of(call))).build();
    }

    private record Outcome(int status, Optional<Answer> answer, Optional<ErrorClass> error) {
    }

    private Outcome await(CompletableFuture<HttpResponse<Answer>> response, AtomicInteger status)
            throws InterruptedException {
        try {
            // HttpRequest.timeout stops at the headers; this bounds the whole answer, stalled streams included.
            HttpResponse<Answer> answered = response.get(target.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (answered.statusCode() != 200) {
                return failure(answered.statusCode(), new ErrorClass.HttpStatus(answered.statusCode()));
            }
            Answer answer = answered.body();
            return new Outcome(200, Optional.of(answer), answer.error());
        } catch (TimeoutException e) {
            response.cancel(true);
            return failure(status.get(), new ErrorClass.Timeout());
        } catch (ExecutionException e) {
            return failure(status.get(), classify(e.getCause(), status.get()));
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
    }

    private static Outcome failure(int status, ErrorClass error) {
        return new Outcome(status, Optional.empty(), Optional.of(error));
    }

    private static ErrorClass classify(Throwable cause, int status) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException) {
            return new ErrorClass.Connect();
        }
        if (cause instanceof HttpTimeoutException) {
            return new ErrorClass.Timeout();
        }
        if (status != 0 && status != 200) {
            return new ErrorClass.HttpStatus(status);
        }
        // The connection dropped before or during the answer: a cut stream, whatever the I/O error's wording.
        return cause instanceof IOException ? new ErrorClass.StreamCut() : new ErrorClass.BadBody();
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
        client.close();
        executor.close();
    }
}
