package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.BatchNotifier;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.InputLines;
import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * Runs every batch of this process, each on its own virtual thread ({@link BatchJob}), under one global limit of
 * lines in flight. At start-up it resumes the batches the last process left unfinished; at shutdown it stops taking
 * lines, gives those in flight a grace period to be kept, and leaves the rest pending for the next start.
 */
public final class BatchRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());

    private final BatchDeps deps;
    private final Semaphore global;
    private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public BatchRunner(Batches batches, FileStore files, InputLines input, LineCaller caller, BatchNotifier notifier,
                       Clock clock, BatchIds ids, BatchSettings settings) {
        this.deps = new BatchDeps(batches, files, input, caller, notifier, clock, ids, settings);
        this.global = new Semaphore(settings.maxInFlight());
    }

    Batches batches() {
        return deps.batches();
    }

    /** Starts running a stored batch; a batch already running here is left to its job. */
    public void submit(String id) {
        if (closed) {
            return;
        }
        jobs.computeIfAbsent(id, key -> {
            BatchJob job = new BatchJob(key, deps, global);
            threads.put(key, Thread.ofVirtual().name("batch-" + key).start(() -> {
                try {
                    job.run();
                } finally {
                    jobs.remove(key);
                    threads.remove(key);
                }
            }));
            return job;
        });
    }

    /** Resumes every batch the last process left unfinished; its lines already answered are not sent again. */
    public int resumeUnfinished() {
        List<Batch> unfinished = deps.batches().unfinished();
        unfinished.forEach(batch -> submit(batch.id()));
        LOG.info(() -> "event=batches_resumed count=" + unfinished.size());
        return unfinished.size();
    }

    /**
     * Moves a validating or running batch to cancelling and stops its new lines; its job ends it as cancelled once
     * the lines in flight are answered.
     */
    Batch cancel(Batch current) {
        Batch batch = current;
        while (true) {
            if (!batch.status().canBecome(BatchStatus.CANCELLING)) {
                throw new InvalidRequestException(null, "Cannot cancel a batch with status '" + batch.status().wire() + "'.");
            }
            Batch next = batch.cancel(deps.clock().instant());
            if (deps.batches().move(batch.status(), next)) {
                BatchJob job = jobs.get(batch.id());
                if (job != null) {
                    job.stop();
                } else {
                    submit(batch.id());
                }
                return deps.batches().find(batch.id()).orElseThrow();
            }
            batch = deps.batches().find(batch.id()).orElseThrow();
        }
    }

    @Override
    public void close() {
        closed = true;
        jobs.values().forEach(BatchJob::shutDown);
        long deadline = System.nanoTime() + deps.settings().shutdownGrace().toNanos();
        for (Thread thread : List.copyOf(threads.values())) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
