package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Passes an upstream's answer back as it arrives and records it: blocking reads from the upstream and writes to the
 * suspended servlet response, one buffer at a time, are the back-pressure (a slow client leaves the upstream's bytes
 * in the TCP window, not in the gateway's memory). A stream whose caller did not ask for usage loses the usage chunk
 * the gateway asked for ({@link UsageChunks}). A stream still open when a server stop's grace period ends is cut
 * from the upstream's side and ends with the emulator's shutdown error event.
 */
final class Relay {
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Exchange exchange;
    private final String route;
    private final CompletionRecorder recorder;
    private final OpenStreams openStreams;
    private final boolean usageAsked;
    private volatile boolean endedEarly;

    Relay(Exchange exchange, String route, CompletionRecorder recorder, OpenStreams openStreams, boolean usageAsked) {
        this.exchange = exchange;
        this.route = route;
        this.recorder = recorder;
        this.openStreams = openStreams;
        this.usageAsked = usageAsked;
    }

    /**
     * Sends the answer's head and body to the caller, then its row to the recorder.
     *
     * @param overheadNanos the gateway's own time so far, for {@code X-Gateway-Overhead-Ms}
     * @return whether the upstream failed: a 5xx, or an answer it broke off or cut short
     */
    boolean relay(UpstreamClient.Answer answer, long overheadNanos) {
        long headersAt = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) exchange.async().getResponse();
        boolean streamed = answer.header("content-type").orElse("").startsWith("text/event-stream");
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> {
            if (ForwardHeaders.returned(name, answer.headers())) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        // A stream whose usage chunk is taken out is shorter than the upstream said; a stream has no length anyway.
        if (!streamed) {
            answer.header("content-length").ifPresent(length -> response.setContentLengthLong(Long.parseLong(length)));
        }
        response.setHeader(GatewayFilter.ROUTE_HEADER, route);
        response.setHeader(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(overheadNanos + System.nanoTime() - headersAt));
        return body(answer, response, streamed);
    }

    private boolean body(UpstreamClient.Answer answer, HttpServletResponse response, boolean streamed) {
        AnswerTally tally = new AnswerTally(streamed);
        // Only a stream that is one (not the upstream's error answer) has a usage chunk to take out.
        UsageChunks hidden = streamed && usageAsked ? new UsageChunks() : null;
        long firstByte = -1;
        int status = answer.status();
        Optional<String> error = status >= 400 ? Optional.of("upstream answered " + status) : Optional.empty();
        boolean upstreamFailed = status >= 500;
        IOException broken = null;
        try (InputStream in = answer.body();
             OpenStreams.Registration open = streamed ? openStreams.open(() -> endEarly(in)) : () -> { }) {
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
                    broken = cut;
                    break;
                }
                if (read < 0) {
                    break;
                }
                if (firstByte < 0) {
                    firstByte = exchange.nanosSinceArrival();
                }
                tally.accept(buffer, read);
                if (hidden == null) {
                    out.write(buffer, 0, read);
                } else {
                    out.write(hidden.pass(buffer, read));
                }
                if (streamed) {
                    out.flush();
                }
            }
            if (hidden != null) {
                out.write(hidden.rest());
            }
            tally.end();
            if (endedEarly && !tally.finished()) {
                out.write(("data: " + ErrorBody.shutdownJson()
                        + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                error = Optional.of("the server stopped before the stream was complete");
            } else if (streamed && !tally.finished() && status < 400) {
                out.write(UpstreamFault.cutEvent(route).getBytes(StandardCharsets.UTF_8));
                out.flush();
                error = Optional.of("upstream ended the stream before it was complete");
                upstreamFailed = true;
            } else if (broken != null) {
                error = Optional.of("upstream broke off the answer");
                upstreamFailed = true;
                // A whole answer cut short is still in the response buffer: the caller gets a clean 502, not half a body.
                if (!streamed && !response.isCommitted()) {
                    ApiException fault = UpstreamFault.of(route, broken);
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
        recorder.record(exchange.row(route, tally, firstByte, exchange.nanosSinceArrival(), status, error));
        return upstreamFailed && !endedEarly;
    }

    /** Closing the upstream's body ends the blocked read on the relay's own thread, which then writes the error event. */
    private void endEarly(InputStream upstreamBody) {
        endedEarly = true;
        try {
            upstreamBody.close();
        } catch (IOException alreadyGone) {
            // the upstream went first: the relay ends on its own
        }
    }
}
