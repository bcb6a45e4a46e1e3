package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forwards one exchange, on a virtual thread of its own, to the first of the routes serving its model that takes it,
 * then {@link Relay}s the answer. Each route is tried through its bulkhead and circuit breaker; while no byte has
 * reached the caller, a route that is busy, open, unreachable, too slow or answers 5xx or 429 gives way to the next
 * route claiming the model, and only the last one's answer or fault reaches the caller.
 */
final class Forwarding implements Runnable {
    private static final Logger LOG = Logger.getLogger(Forwarding.class.getName());

    private final Exchange exchange;
    private final List<Upstreams.Upstream> candidates;
    private final List<String[]> headers;
    private final String via;
    private final CompletionRecorder recorder;
    private final OpenStreams openStreams;
    private final Upstreams upstreams;
    private final Optional<byte[]> usageAsked;
    /** Time spent waiting on routes that then gave way, which is not the gateway's overhead. */
    private long waitedNanos;

    Forwarding(Exchange exchange, Upstreams upstreams, List<Upstreams.Upstream> candidates, List<String[]> headers, String via,
               CompletionRecorder recorder, OpenStreams openStreams) {
        this.exchange = exchange;
        this.upstreams = upstreams;
        this.candidates = candidates;
        this.headers = headers;
        this.via = via;
        this.recorder = recorder;
        this.openStreams = openStreams;
        this.usageAsked = UsageChunks.asked(exchange.path(), exchange.json());
    }

    @Override
    public void run() {
        for (int i = 0; i < candidates.size(); i++) {
            Upstreams.Upstream upstream = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            Optional<ApiException> gaveWay = attempt(upstream, last);
            if (gaveWay.isEmpty()) {
                return;
            }
            if (last) {
                fail(upstream, gaveWay.get());
                return;
            }
            String from = upstream.route().name();
            String to = candidates.get(i + 1).route().name();
            LOG.info(() -> "event=gateway_fallback from=" + from + " to=" + to + " reason=" + gaveWay.get().code());
        }
    }

    /** @return why the route gave way, nothing having reached the caller; empty once the caller has its answer */
    private Optional<ApiException> attempt(Upstreams.Upstream upstream, boolean last) {
        String name = upstream.route().name();
        if (!upstream.permits().tryAcquire()) {
            return Optional.of(UpstreamFault.busy(name));
        }
        try {
            if (!upstream.circuit().tryCall(upstreams.clock().instant())) {
                return Optional.of(UpstreamFault.circuitOpen(name));
            }
            return call(upstream, last);
        } catch (RuntimeException unexpected) {
            LOG.warning(() -> "event=gateway_failure route=" + name + " type=" + unexpected.getClass().getSimpleName());
            upstream.circuit().succeeded(upstreams.clock().instant());
            fail(upstream, new ApiException(502, "server_error", "The gateway could not forward the request.", null, null));
            return Optional.empty();
        } finally {
            upstream.permits().release();
        }
    }

    private Optional<ApiException> call(Upstreams.Upstream upstream, boolean last) {
        String name = upstream.route().name();
        long sentAt = System.nanoTime();
        upstream.requests().increment();
        UpstreamClient.Answer answer;
        try {
            answer = upstream.client().send(exchange.path().substring("/v1".length()), usageAsked.orElse(exchange.body()), headers, via);
        } catch (IOException failure) {
            outcome(upstream, true, sentAt);
            return Optional.of(UpstreamFault.of(name, failure));
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            outcome(upstream, true, sentAt);
            return Optional.of(UpstreamFault.of(name, new IOException("interrupted")));
        }
        int status = answer.status();
        if (!last && (status >= 500 || status == 429)) {
            try (InputStream unread = answer.body()) {
                outcome(upstream, status >= 500, sentAt);
            } catch (IOException ignored) {
                // the answer is dropped either way
            }
            return Optional.of(UpstreamFault.answered(name, status));
        }
        boolean failed = new Relay(exchange, name, recorder, openStreams, usageAsked.isPresent())
                .relay(answer, sentAt - exchange.arrival() - waitedNanos);
        if (failed) {
            upstream.failures().increment();
            upstream.circuit().failed(upstreams.clock().instant());
        } else {
            upstream.circuit().succeeded(upstreams.clock().instant());
        }
        return Optional.empty();
    }

    /** Counts a call that ended before any of it reached the caller. */
    private void outcome(Upstreams.Upstream upstream, boolean failed, long sentAt) {
        waitedNanos += System.nanoTime() - sentAt;
        if (failed) {
            upstream.failures().increment();
            upstream.circuit().failed(upstreams.clock().instant());
        } else {
            upstream.circuit().succeeded(upstreams.clock().instant());
        }
    }

    private void fail(Upstreams.Upstream upstream, ApiException failure) {
        HttpServletResponse response = (HttpServletResponse) exchange.async().getResponse();
        String name = upstream.route().name();
        try {
            response.setHeader(GatewayFilter.ROUTE_HEADER, name);
            response.setHeader(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(exchange.nanosSinceArrival()));
            Duration open = upstream.circuit().openFor(upstreams.clock().instant());
            if (!open.isZero()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, (open.toMillis() + 999) / 1000)));
            }
            ErrorBody.write(response, failure);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to tell a client that left
        } finally {
            exchange.async().complete();
        }
        recorder.record(exchange.failed(name, failure.status(), failure.getMessage()));
    }
}
