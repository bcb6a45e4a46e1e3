package dev.llmworkbench.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads request bodies without holding a thread while they arrive, each within the configured
 * size and time. One timer thread keeps every body's deadline.
 */
@ApplicationScoped
public class RequestBodies {
    /** Handles a complete body; it owns the suspended exchange from then on, unless it throws. */
    @FunctionalInterface
    public interface Handler {
        void handle(AsyncContext async, byte[] body) throws IOException;
    }

    /** Answers a request whose body was refused (too large, too slow, unreadable) in the endpoint's own error shape. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletResponse response, RuntimeException failure) throws IOException;
    }

    private final ScheduledThreadPoolExecutor deadlines = deadlines();

    @Inject
    @ConfigProperty(name = "workbench.http.max-body-bytes", defaultValue = "33554432")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "workbench.http.body-timeout-ms", defaultValue = "30000")
    long timeoutMillis;

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("request-body-deadlines").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Suspends {@code request} and calls {@code handler} with its body once the last byte is in. The
     * response is passed on as given, so whatever wraps it (the OpenAI headers' timing) stays in place.
     */
    public void read(HttpServletRequest request, HttpServletResponse response, Handler handler) throws IOException {
        read(request, response, handler, ErrorBody::write);
    }

    /** As {@link #read(HttpServletRequest, HttpServletResponse, Handler)}, refusing a body with {@code refusal}. */
    public void read(HttpServletRequest request, HttpServletResponse response, Handler handler, Refusal refusal) throws IOException {
        AsyncContext async = request.startAsync(request, response);
        // Never the container's timeout: the body has its own deadline, and once it is in, a delayed or
        // streamed response may wait as long as the emulation says (the timeout can only be set now).
        async.setTimeout(0);
        new RequestBody(async, maxBytes, handler, refusal).start(deadlines, timeoutMillis);
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
    }
}
