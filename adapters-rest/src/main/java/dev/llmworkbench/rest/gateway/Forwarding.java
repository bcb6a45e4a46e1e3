package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forwards one exchange to its upstream and passes the answer back as it arrives, on a virtual thread of its own:
 * blocking reads from the upstream and writes to the suspended servlet response, one buffer at a time, are the
 * back-pressure (a slow client leaves the upstream's bytes in the TCP window, not in the gateway's memory).
 */
final class Forwarding implements Runnable {
    private static final Logger LOG = Logger.getLogger(Forwarding.class.getName());
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Exchange exchange;
    private final Upstreams.Upstream upstream;
    private final List<String[]> headers;
    private final String via;
    private final CompletionRecorder recorder;

    Forwarding(Exchange exchange, Upstreams.Upstream upstream, List<String[]> headers, String via, CompletionRecorder recorder) {
        this.exchange = exchange;
        this.upstream = upstream;
        this.headers = headers;
        this.via = via;
        this.recorder = recorder;
    }

    @Override
    public void run() {
        String name = upstream.route().name();
        if (!upstream.permits().tryAcquire()) {
            fail(UpstreamFault.busy(name));
            return;
        }
        try {
            forward();
        } catch (RuntimeException unexpected) {
            LOG.warning(() -> "event=gateway_failure route=" + name + " type=" + unexpected.getClass().getSimpleName());
            fail(new ApiException(502, "server_error", "The gateway could not forward the request.", null, null));
        } finally {
            upstream.permits().release();
        }
    }

    private void forward() {
        long sentAt = System.nanoTime();
        HttpResponse<InputStream> answer;
        try {
            answer = upstream.client().send(request(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException failure) {
            fail(UpstreamFault.of(upstream.route().name(), failure));
            return;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            fail(UpstreamFault.of(upstream.route().name(), new IOException("interrupted")));
            return;
        }
        long headersAt = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) exchange.async().getResponse();
        boolean streamed = answer.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (ForwardHeaders.returned(name, answer.headers().map())) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        if (!streamed) {
            answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
        }
        response.setHeader(GatewayFilter.ROUTE_HEADER, upstream.route().name());
        response.setHeader(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(sentAt - exchange.arrival() + System.nanoTime() - headersAt));
        relay(answer, response, streamed);
    }

    private HttpRequest request() {
        Route route = upstream.route();
        HttpRequest.Builder request = HttpRequest.newBuilder(route.target(exchange.path().substring("/v1".length())))
                .timeout(route.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
        headers.forEach(header -> request.header(header[0], header[1]));
        request.header("Via", via);
        route.apiKey().ifPresent(key -> {
            if (route.kind() == RouteKind.AZURE) {
                request.header("api-key", key.value());
            } else {
                request.header("Authorization", "Bearer " + key.value());
            }
        });
        return request.build();
    }

    private void relay(HttpResponse<InputStream> answer, HttpServletResponse response, boolean streamed) {
        AnswerTally tally = new AnswerTally(streamed);
        long firstByte = -1;
        Optional<String> error = answer.statusCode() >= 400
                ? Optional.of("upstream answered " + answer.statusCode()) : Optional.empty();
        IOException upstreamFailed = null;
        int status = answer.statusCode();
        try (InputStream in = answer.body()) {
            ServletOutputStream out = response.getOutputStream();
            if (streamed) {
                response.flushBuffer();
            }
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (IOException cut) {
                    upstreamFailed = cut;
                    break;
                }
                if (read < 0) {
                    break;
                }
                if (firstByte < 0) {
                    firstByte = exchange.nanosSinceArrival();
                }
                out.write(buffer, 0, read);
                if (streamed) {
                    out.flush();
                }
                tally.accept(buffer, read);
            }
            tally.end();
            if (streamed && !tally.finished() && answer.statusCode() < 400) {
                out.write(UpstreamFault.cutEvent(upstream.route().name()).getBytes(StandardCharsets.UTF_8));
                out.flush();
                error = Optional.of("upstream ended the stream before it was complete");
            } else if (upstreamFailed != null) {
                error = Optional.of("upstream broke off the answer");
                // A whole answer cut short is still in the response buffer: the caller gets a clean 502, not half a body.
                if (!streamed && !response.isCommitted()) {
                    ApiException fault = UpstreamFault.of(upstream.route().name(), upstreamFailed);
                    ErrorBody.write(response, fault);
                    status = fault.status();
                    error = Optional.of(fault.getMessage());
                }
            }
        } catch (IOException clientGone) {
            error = Optional.of("client closed the connection");
        } finally {
            exchange.async().complete();
        }
        recorder.record(exchange.row(upstream.route().name(), tally, firstByte, exchange.nanosSinceArrival(), status, error));
    }

    private void fail(ApiException failure) {
        HttpServletResponse response = (HttpServletResponse) exchange.async().getResponse();
        try {
            response.setHeader(GatewayFilter.ROUTE_HEADER, upstream.route().name());
            response.setHeader(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(exchange.nanosSinceArrival()));
            ErrorBody.write(response, failure);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to tell a client that left
        } finally {
            exchange.async().complete();
        }
        recorder.record(exchange.failed(upstream.route().name(), failure.status(), failure.getMessage()));
    }
}
