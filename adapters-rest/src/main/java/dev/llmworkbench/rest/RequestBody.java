package dev.llmworkbench.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's body, read as the container calls back with bytes (servlet non-blocking I/O), so
 * a client dripping its body costs a buffer, not a thread. Exactly one of three things ends it:
 * the handler gets the whole body, or the exchange ends in OpenAI's error shape: 413 past the size
 * limit, 408 past the deadline, 400 when the container cannot decode the body (bad chunking, a
 * gzip header that is not gzip). Errors close the connection, since the rest of the body is unread.
 */
final class RequestBody implements ReadListener {
    private final AsyncContext async;
    private final ServletInputStream in;
    private final long maxBytes;
    private final RequestBodies.Handler handler;
    private final RequestBodies.Refusal refusal;
    // Read straight into one array sized by Content-Length, and dropped once handed on: Liberty keeps
    // the read listener as long as the exchange, so a held stream kept an 8 KiB read chunk and a copy.
    private byte[] body;
    private int length;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Future<?> deadline;

    RequestBody(AsyncContext async, long maxBytes, RequestBodies.Handler handler, RequestBodies.Refusal refusal) throws IOException {
        this.async = async;
        this.in = async.getRequest().getInputStream();
        this.maxBytes = maxBytes;
        this.handler = handler;
        this.refusal = refusal;
        long declared = async.getRequest().getContentLengthLong();
        this.body = new byte[declared > 0 && declared <= maxBytes ? (int) declared : 1024];
    }

    void start(ScheduledExecutorService timer, long timeoutMillis) {
        in.setReadListener(this);
        Future<?> timeout = timer.schedule(() -> fail(timedOut()), timeoutMillis, TimeUnit.MILLISECONDS);
        deadline = timeout;
        // settle() may have run before the deadline existed; without this it would wait out its delay in the queue
        if (settled.get()) {
            timeout.cancel(false);
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!settled.get() && in.isReady()) {
            if (length == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBytes + 1, Math.max(1024, 2L * body.length)));
            }
            int n = in.read(body, length, body.length - length);
            if (n < 0) {
                return;
            }
            length += n;
            if (length > maxBytes) {
                fail(JsonBody.tooLarge(maxBytes));
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (!settle()) {
            return;
        }
        byte[] whole = length == body.length ? body : Arrays.copyOf(body, length);
        body = null;
        try {
            handler.handle(async, whole);
        } catch (RuntimeException failure) {
            end(failure);
        } catch (IOException clientGone) {
            complete();
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail(unreadable());
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        Future<?> timeout = deadline;
        if (timeout != null) {
            timeout.cancel(false);
        }
        return true;
    }

    private void fail(ApiException failure) {
        if (settle()) {
            ((HttpServletResponse) async.getResponse()).setHeader("Connection", "close");
            end(failure);
        }
    }

    private void end(RuntimeException failure) {
        try {
            refusal.write((HttpServletResponse) async.getResponse(), failure);
        } catch (IOException | RuntimeException clientGone) {
            // nothing more to tell a client that left
        }
        complete();
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the handler or the container completed it first
        }
    }

    private static ApiException timedOut() {
        return new ApiException(408, "invalid_request_error", "The request body did not arrive in time.", null, "request_timeout");
    }

    private static ApiException unreadable() {
        return ApiException.invalid(null, "The request body could not be read: its framing or Content-Encoding is malformed.");
    }
}
