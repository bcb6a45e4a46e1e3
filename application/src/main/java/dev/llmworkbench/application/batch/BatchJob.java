package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.InputLine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One batch, from wherever it stands to its end: validation, then its pending lines read again from the input file
 * and sent on virtual threads, at most the per-batch and the global limit at once, then its ending. Reading waits
 * for a free slot, so memory holds only the lines in flight. Stopping (cancel, shutdown) or the window's end stops
 * new lines; a shutdown leaves the batch as it is, for the next start to resume.
 */
final class BatchJob implements Runnable {
    private static final Logger LOG = Logger.getLogger(BatchJob.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final String id;
    private final BatchDeps deps;
    private final Semaphore global;
    private final Semaphore own;
    private volatile boolean stopped;
    private volatile boolean shuttingDown;
    private volatile Instant expiresAt = Instant.MAX;

    BatchJob(String id, BatchDeps deps, Semaphore global) {
        this.id = id;
        this.deps = deps;
        this.global = global;
        this.own = new Semaphore(deps.settings().concurrency());
    }

    /** No new line starts: the batch was cancelled. */
    void stop() {
        stopped = true;
    }

    /** No new line starts, and the batch is left unfinished for the next start. */
    void shutDown() {
        shuttingDown = true;
        stopped = true;
    }

    @Override
    public void run() {
        try {
            Batch batch = deps.batches().find(id).orElseThrow();
            if (batch.status() == BatchStatus.VALIDATING) {
                new BatchValidation(deps).validate(batch);
                batch = deps.batches().find(id).orElseThrow();
            }
            if (batch.status() == BatchStatus.IN_PROGRESS) {
                dispatch(batch);
            }
            if (!shuttingDown) {
                new BatchEnding(deps).end(id);
            }
        } catch (IOException | RuntimeException failure) {
            LOG.log(Level.WARNING, "event=batch_job_failed batch=" + id + " error=" + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(Batch batch) throws IOException, InterruptedException {
        expiresAt = batch.times().expiresAt();
        Set<Integer> pending = deps.batches().pending(id).stream().map(PendingLine::line).collect(Collectors.toSet());
        LineSender sender = new LineSender(deps, batch, this::mustStop, () -> shuttingDown);
        Phaser inFlight = new Phaser(1);
        try (InputStream in = deps.files().open(batch.inputFileId())) {
            deps.input().read(in, BatchValidation.modelOverride(batch), line -> {
                if (!mustStop() && line instanceof InputLine.Request request && pending.contains(line.line())) {
                    start(request, sender, inFlight);
                }
            });
        } catch (Interrupted interrupted) {
            throw interrupted.cause;
        }
        awaitInFlight(inFlight, batch);
    }

    private void start(InputLine.Request request, LineSender sender, Phaser inFlight) {
        try {
            if (!acquire(own)) {
                return;
            }
            if (!acquire(global)) {
                own.release();
                return;
            }
            sender.awaitPause();
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
        inFlight.register();
        Thread.ofVirtual().name("batch-line-" + id + "-" + request.line()).start(() -> {
            try {
                sender.send(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "event=batch_line_error batch=" + id + " line=" + request.line(), failure);
            } finally {
                global.release();
                own.release();
                inFlight.arriveAndDeregister();
            }
        });
    }

    /** Waits for a slot, giving up when the batch must stop. */
    private boolean acquire(Semaphore slots) throws InterruptedException {
        while (!mustStop()) {
            if (slots.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Lines in flight finish and are kept (at shutdown within the runner's grace); at the window's end the batch does not wait for them. */
    private void awaitInFlight(Phaser inFlight, Batch batch) throws InterruptedException {
        int phase = inFlight.arrive();
        while (!batch.windowEndedAt(deps.clock().instant())) {
            try {
                inFlight.awaitAdvanceInterruptibly(phase, POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                // the window may have ended or a shutdown begun meanwhile: the loop looks again
            }
        }
    }

    private boolean mustStop() {
        return stopped || !deps.clock().instant().isBefore(expiresAt);
    }

    /** Carries an interruption out of the line reader's callback. */
    private static final class Interrupted extends RuntimeException {
        private final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
