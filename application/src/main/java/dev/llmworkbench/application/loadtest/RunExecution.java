package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadGenerator;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One run from its start to its end, on its own thread: started, measured (a snapshot stored about once a second,
 * so that a restart keeps it), then completed, cancelled with what it measured, failed with a reason that never
 * holds the API key, or interrupted when the server stops.
 */
final class RunExecution {
    private static final System.Logger LOG = System.getLogger(RunExecution.class.getName());

    private final LoadTestRuns runs;
    private final LoadGenerator generator;
    private final Clock clock;
    private final long snapshotIntervalNanos;
    private final QueuedRun run;
    private LoadTestRun latest;
    private long lastStoredNanos;
    private boolean ended;

    RunExecution(LoadTestRuns runs, LoadGenerator generator, Clock clock, Duration snapshotInterval, QueuedRun run) {
        this.runs = runs;
        this.generator = generator;
        this.clock = clock;
        this.snapshotIntervalNanos = snapshotInterval.toNanos();
        this.run = run;
    }

    void execute() {
        LoadTestRun queued = run.queued();
        LoadTestRun started = queued.start(clock.instant());
        if (!runs.update(queued, started)) {
            // it ended while it waited its turn (cancelled, or interrupted by a shutdown)
            run.end().complete(runs.find(queued.id()).orElse(queued));
            return;
        }
        synchronized (this) {
            latest = started;
            lastStoredNanos = System.nanoTime() - snapshotIntervalNanos;
        }
        LOG.log(Level.INFO, () -> "event=load_test_started id=" + queued.id());
        run.end().complete(measure());
    }

    private LoadTestRun measure() {
        LoadTestCommand command = run.command();
        try {
            String result = generator.run(command.plan(), command.apiKey(), this::snapshot, run.cancellation());
            return end((current, now) -> run.cancellation().isCancelled()
                    ? current.measured(result).cancel(now)
                    : current.complete(result, now));
        } catch (InterruptedException stopping) {
            return end((current, now) -> current.interrupt(Optional.empty(), now));
        } catch (RuntimeException failure) {
            String reason = FailureReason.of(failure, command.apiKey());
            return end((current, now) -> current.fail(reason, now));
        }
    }

    private synchronized LoadTestRun end(BiFunction<LoadTestRun, Instant, LoadTestRun> transition) {
        ended = true;
        LoadTestRun last = transition.apply(latest, clock.instant());
        LoadTestRun kept = runs.update(latest, last) ? last : runs.find(last.id()).orElse(last);
        LOG.log(Level.INFO, () -> "event=load_test_ended id=" + kept.id() + " status=" + kept.status().wireName());
        return kept;
    }

    private synchronized void snapshot(String result) {
        long now = System.nanoTime();
        if (ended || now - lastStoredNanos < snapshotIntervalNanos) {
            return;
        }
        try {
            LoadTestRun measured = latest.measured(result);
            if (runs.update(latest, measured)) {
                latest = measured;
                lastStoredNanos = now;
            }
        } catch (RuntimeException storeFailure) {
            // A snapshot not kept costs a restart at most a second of progress: no reason to stop measuring.
            LOG.log(Level.WARNING, () -> "event=load_test_snapshot_not_stored id=" + latest.id() + " reason=" + storeFailure.getMessage());
        }
    }
}
