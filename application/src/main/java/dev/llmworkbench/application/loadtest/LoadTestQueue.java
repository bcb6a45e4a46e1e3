package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.application.loadtest.port.LoadGenerator;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.RunLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Every load test of this process, queued, stored, and run on its own thread, at most {@code maxConcurrentRuns} at a
 * time and the rest in the order they came: by default one at a time, so that runs do not disturb each other's
 * measurements. The start, run and cancel use cases share it.
 */
public final class LoadTestQueue implements AutoCloseable {
    private final LoadTestRuns runs;
    private final LoadGenerator generator;
    private final Clock clock;
    private final RandomGenerator ids;
    private final ThreadFactory threads;
    private final int maxConcurrentRuns;
    private final RunLimits limits;
    private final Duration snapshotInterval;
    private final Deque<QueuedRun> waiting = new ArrayDeque<>();
    private final Map<String, QueuedRun> unfinished = new HashMap<>();
    private int running;
    private boolean closed;

    /**
     * @param threads          a new thread per run; virtual threads, since a run mostly waits
     * @param snapshotInterval the least time between two stored snapshots of a running run
     * @param limits           the operator's bounds, checked before a run is stored
     */
    public LoadTestQueue(LoadTestRuns runs, LoadGenerator generator, Clock clock, RandomGenerator ids, ThreadFactory threads,
                         int maxConcurrentRuns, Duration snapshotInterval, RunLimits limits) {
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, was " + maxConcurrentRuns);
        }
        this.runs = runs;
        this.generator = generator;
        this.clock = clock;
        this.ids = ids;
        this.threads = threads;
        this.maxConcurrentRuns = maxConcurrentRuns;
        this.snapshotInterval = snapshotInterval;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Stores {@code command} as a new queued run and starts it when its turn comes. */
    synchronized QueuedRun enqueue(LoadTestCommand command) {
        if (closed) {
            throw new IllegalStateException("the load-test queue is closed");
        }
        limits.check(command.plan());
        LoadTestRun queued = LoadTestRun.queue(command.planDocument(), clock.instant(), ids);
        runs.add(queued);
        QueuedRun run = new QueuedRun(queued, command, new Cancellation(), new CompletableFuture<>());
        unfinished.put(queued.id(), run);
        waiting.addLast(run);
        startWhatFits();
        return run;
    }

    /**
     * Cancels a run of this process: a waiting one ends cancelled at once, a running one is told to stop and ends
     * with what it measured.
     *
     * @return the run's end, or empty when it is not one of this process's unfinished runs
     */
    synchronized Optional<CompletableFuture<LoadTestRun>> cancel(String id) {
        QueuedRun run = unfinished.get(id);
        if (run == null) {
            return Optional.empty();
        }
        run.cancellation().cancel();
        if (waiting.remove(run)) {
            end(run, run.queued(), run.queued().cancel(clock.instant()));
        }
        return Optional.of(run.end());
    }

    /** Ends every run of this process as interrupted, as a restart would find them, and accepts no more. */
    @Override
    public synchronized void close() {
        closed = true;
        for (QueuedRun run : waiting) {
            end(run, run.queued(), run.queued().interrupt(Optional.empty(), clock.instant()));
        }
        waiting.clear();
        unfinished.values().forEach(QueuedRun::interruptWorker);
    }

    /**
     * Waits until every run this process started has stored its end, as {@link #close()} asks them to.
     *
     * @return false when {@code patience} ran out first
     */
    public boolean awaitEnded(Duration patience) throws InterruptedException {
        CompletableFuture<?>[] ends;
        synchronized (this) {
            ends = unfinished.values().stream().map(QueuedRun::end).toArray(CompletableFuture[]::new);
        }
        try {
            CompletableFuture.allOf(ends).get(patience.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException late) {
            return false;
        } catch (ExecutionException storeFailure) {
            // the run's own thread reported it; whether it ended is all this answers
            return true;
        }
    }

    private void startWhatFits() {
        while (running < maxConcurrentRuns && !waiting.isEmpty()) {
            QueuedRun next = waiting.removeFirst();
            running++;
            next.startWorker(threads, () -> {
                try {
                    new RunExecution(runs, generator, clock, snapshotInterval, next).execute();
                } catch (RuntimeException storeFailure) {
                    next.end().completeExceptionally(storeFailure);
                } finally {
                    finished(next);
                }
            });
        }
    }

    private synchronized void finished(QueuedRun run) {
        running--;
        unfinished.remove(run.queued().id());
        if (!closed) {
            startWhatFits();
        }
    }

    private void end(QueuedRun run, LoadTestRun current, LoadTestRun last) {
        unfinished.remove(run.queued().id());
        run.end().complete(runs.update(current, last) ? last : runs.find(current.id()).orElse(last));
    }
}
