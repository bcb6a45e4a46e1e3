package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.FileLine;
import dev.llmworkbench.domain.batch.InputLine;
import dev.llmworkbench.domain.batch.LineAnswer;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Sends one line until it has an answer to record. An upstream 429 pauses the whole batch for its
 * {@code Retry-After} (or the backoff) and the line is sent again, so rate limits slow a batch instead of failing its
 * lines; a call with no answer is tried again a few times, then recorded as an error line. A refused connection is
 * not an attempt: nothing was sent, and a stopping Liberty refuses connections to this server's own port (its
 * quiesce) before the application hears of the stop, so the line waits instead of failing. A line whose batch stops
 * (cancel, expiry, shutdown) before it is answered stays pending.
 */
final class LineSender {
    private static final Logger LOG = Logger.getLogger(LineSender.class.getName());
    /** A paused line looks this often whether its batch was stopped meanwhile. */
    private static final Duration MAX_NAP = Duration.ofMillis(200);

    private final BatchDeps deps;
    private final Batch batch;
    private final BooleanSupplier stopped;
    private final BooleanSupplier shuttingDown;
    // System.nanoTime() until which no line of the batch is sent: monotonic, so a clock step cannot stretch a pause.
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    /** @param shuttingDown while the server stops, its own endpoints may answer 404 or 503: such answers are not kept */
    LineSender(BatchDeps deps, Batch batch, BooleanSupplier stopped, BooleanSupplier shuttingDown) {
        this.deps = deps;
        this.batch = batch;
        this.stopped = stopped;
        this.shuttingDown = shuttingDown;
    }

    void send(InputLine.Request line) throws InterruptedException {
        String body = line.body().orElseThrow();
        String customId = line.customId().orElseThrow();
        Duration backoff = deps.settings().backoff();
        for (int attempt = 1; !stopped.getAsBoolean(); ) {
            awaitPause();
            try {
                LineCaller.Reply reply = deps.caller().call(batch.endpoint(), body);
                boolean succeeded = reply.statusCode() >= 200 && reply.statusCode() < 300;
                if (!succeeded && shuttingDown.getAsBoolean()) {
                    return;
                }
                if (reply.statusCode() == 429) {
                    pause(reply.retryAfter().orElse(deps.settings().backoff()));
                    continue;
                }
                record(new LineAnswer.Response(line.line(), customId, reply.statusCode(), reply.requestId(), reply.body(),
                        reply.usage()));
                return;
            } catch (ConnectException refused) {
                Thread.sleep(deps.settings().backoff());
            } catch (IOException failure) {
                if (shuttingDown.getAsBoolean()) {
                    return;
                }
                if (attempt++ >= deps.settings().attempts()) {
                    LOG.info(() -> "event=batch_line_failed batch=" + batch.id() + " line=" + line.line()
                            + " error=" + failure.getClass().getSimpleName());
                    record(new LineAnswer.NoResponse(line.line(), customId, "request_failed",
                            "The request got no answer after " + deps.settings().attempts() + " attempts."));
                    return;
                }
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Holds the caller until a pause asked for by a 429 is over; new lines wait for it too. */
    void awaitPause() throws InterruptedException {
        long wait = pausedUntil.get() - System.nanoTime();
        while (wait > 0 && !stopped.getAsBoolean()) {
            Thread.sleep(Duration.ofNanos(Math.min(wait, MAX_NAP.toNanos())));
            wait = pausedUntil.get() - System.nanoTime();
        }
    }

    private void pause(Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        pausedUntil.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
    }

    private void record(LineAnswer answer) {
        deps.batches().answer(batch.id(), List.of(new AnsweredLine(answer, FileLine.of(deps.ids().line(), answer))));
    }
}
