package dev.llmworkbench.rest.emulation;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-Sent Events written straight to the suspended servlet response. Each step's events leave
 * in one write and one flush; measured against JAX-RS's SseEventSink, which queues every event
 * through its provider chain and async writer, this halves the client-side ITL jitter at 1,000
 * streams (docs/BENCHMARKS.md). Any write failure means the client is gone.
 */
final class EventSink {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile boolean closed;
    private final AtomicBoolean completed = new AtomicBoolean();

    private EventSink(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Commits the 200 and the event-stream headers at once, so clients see the stream open before the first token. */
    static EventSink open(AsyncContext async, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            response.flushBuffer();
            return new EventSink(async, response.getOutputStream());
        } catch (IOException | RuntimeException clientGone) {
            async.complete();
            throw clientGone;
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** @param named whether each event is a whole frame with its own {@code event:} and {@code data:} lines */
    void send(List<String> events, boolean named) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 256);
        for (String event : events) {
            if (!named) {
                bytes.writeBytes(DATA);
            }
            bytes.writeBytes(event.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(END);
        }
        try {
            out.write(bytes.toByteArray());
            out.flush();
        } catch (IOException | RuntimeException e) {
            closed = true;
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Completes the exchange once, whether the stream ended or a write found the client gone: until it is completed,
     * the container keeps the connection, and its socket, open (one descriptor per cut stream, found by the soak).
     */
    void close() {
        closed = true;
        if (completed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (RuntimeException alreadyCompleted) {
                // the container completed it first (client gone, server stopping): nothing left to do
            }
        }
    }
}
