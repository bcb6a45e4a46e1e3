package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.RunStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/load-tests/{id}/cancel}: a queued run is cancelled at once; a running one is told to stop and
 * ends cancelled with what it measured. Cancelling a cancelled run again changes nothing.
 */
public final class CancelLoadTest {
    private final LoadTestRuns runs;
    private final LoadTestQueue queue;
    private final Duration wait;

    /** @param wait how long to wait for a running run to end, so that the answer shows it cancelled */
    public CancelLoadTest(LoadTestRuns runs, LoadTestQueue queue, Duration wait) {
        this.runs = runs;
        this.queue = queue;
        this.wait = wait;
    }

    /**
     * Blocks up to the configured wait: call it on a virtual thread.
     *
     * @return the run as stored after the cancel: cancelled, or still running when it did not stop within the wait
     * @throws dev.llmworkbench.domain.NotFoundException when no run has this id
     * @throws InvalidRequestException when the run already ended otherwise than cancelled
     */
    public LoadTestRun cancel(String id) {
        LoadTestRun run = new GetLoadTest(runs).get(id);
        if (run.status().isTerminal()) {
            return unchanged(run);
        }
        return queue.cancel(id).map(end -> awaitEnd(end, id)).orElseGet(() -> runs.find(id).orElse(run));
    }

    private LoadTestRun awaitEnd(CompletableFuture<LoadTestRun> end, String id) {
        try {
            return end.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new GetLoadTest(runs).get(id);
        } catch (ExecutionException | TimeoutException notEndedYet) {
            return new GetLoadTest(runs).get(id);
        }
    }

    private static LoadTestRun unchanged(LoadTestRun run) {
        if (run.status() == RunStatus.CANCELLED) {
            return run;
        }
        throw new InvalidRequestException("id", "Load test " + run.id() + " is " + run.status().wireName()
                + "; only a queued or running load test can be cancelled.");
    }
}
