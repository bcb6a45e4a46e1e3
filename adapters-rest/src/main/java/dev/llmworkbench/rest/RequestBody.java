package dev.llmworkbench.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request body without holding a thread while it arrives: the container calls back as
 * bytes come (servlet non-blocking I/O), so a client dripping its body costs a buffer, not a
 * thread. The body gets {@code timeout} to arrive in full (408 after), at most {@code maxBytes}
 * (413 beyond), and a body the container cannot decode (bad chunking, a gzip header that is not
 * gzip) is a 400. Each failure ends the exchange in OpenAI's error shape and closes the connection,
 * since the rest of the body is unread.
 */
public final class RequestBody implements ReadListener, AsyncListener {
    /** Handles a complete body; it owns the suspended exchange from then on, unless it throws. */
    @FunctionalInterface
    public interface Handler {
        void handle(AsyncContext async, byte[] body) throws IOException;
    }

    private final AsyncContext async;
    private final ServletInputStream in;
    private final long maxBytes;
    private final Handler handler;
    private final ByteArrayOutputStream bytes;
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean settled = new AtomicBoolean();

    private RequestBody(AsyncContext async, ServletInputStream in, long maxBytes, long declaredLength, Handler handler) {
        this.async = async;
        this.in = in;
        this.maxBytes = maxBytes;
        this.handler = handler;
        this.bytes = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
    }

    /** Suspends the request and reads its body; {@code handler} runs once the last byte is in. */
    public static void read(AsyncContext async, long maxBytes, Duration timeout, Handler handler) throws IOException {
        async.setTimeout(timeout.toMillis());
        RequestBody body = new RequestBody(async, async.getRequest().getInputStream(), maxBytes,
                async.getRequest().getContentLengthLong(), handler);
        async.addListener(body);
        body.in.setReadListener(body);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!settled.get() && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            bytes.write(chunk, 0, n);
            if (bytes.size() > maxBytes) {
                fail(JsonBody.tooLarge(maxBytes));
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            handler.handle(async, bytes.toByteArray());
        } catch (RuntimeException failure) {
            end(failure);
        } catch (IOException clientGone) {
            complete();
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure instanceof SocketTimeoutException ? timedOut() : unreadable());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail(timedOut());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        settled.set(true);
    }

    @Override
    public void onError(AsyncEvent event) {
        fail(unreadable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a delivery suspending the request again keeps this listener; nothing to do
    }

    private void fail(ApiException failure) {
        if (settled.compareAndSet(false, true)) {
            ((HttpServletResponse) async.getResponse()).setHeader("Connection", "close");
            end(failure);
        }
    }

    private void end(RuntimeException failure) {
        try {
            ErrorBody.write((HttpServletResponse) async.getResponse(), failure);
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
        return new ApiException(408, "invalid_request_error",
                "The request body did not arrive in time.", null, "request_timeout");
    }

    private static ApiException unreadable() {
        return ApiException.invalid(null, "The request body could not be read: its framing or "
                + "Content-Encoding is malformed.");
    }
}
