package dev.llmworkbench.loadgen;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The virtual threads of one {@link StepRun}, users or single requests, and the way they end: abandoned at the
 * window's end or at a cancel, or, when the send budget is spent, waited for until they answered.
 */
final class Requests implements AutoCloseable {

    private final StepRun run;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    Requests(StepRun run) {
        this.run = run;
    }

    void start(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // The stretch was closed under a sender that was interrupted: the run is over, nothing more is sent.
        }
    }

    /**
     * Called once nothing more will be started: ends the stretch and returns when it ended. A cancel or the window's
     * end abandons the requests in flight. Once the budget is spent and the last request answered, the stretch ends
     * then; otherwise it lasts its whole window, so that its rates are per second of the window.
     */
    long finish() throws InterruptedException {
        threads.shutdown();
        Thread watcher = Thread.ofVirtual().start(this::abandonAtEndOrCancel);
        try {
            threads.awaitTermination(run.windowNanos() + run.requestTimeoutNanos(), TimeUnit.NANOSECONDS);
        } finally {
            watcher.interrupt();
        }
        if (!run.budgetSpent()) {
            run.cancel().awaitUntil(run.endNanos());
        }
        long ended = Math.min(System.nanoTime(), run.endNanos());
        close();
        return ended;
    }

    private void abandonAtEndOrCancel() {
        try {
            run.cancel().awaitUntil(run.endNanos());
            threads.shutdownNow();
        } catch (InterruptedException e) {
            // The requests answered before the end: nothing to abandon.
        }
    }

    /** Interrupts whatever is still running (an abandoned request measures nothing) and waits for it to stop. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        // Interrupted requests return at once; the bound only guards against a stuck client.
        threads.awaitTermination(run.requestTimeoutNanos() + 1_000_000_000L, TimeUnit.NANOSECONDS);
    }
}
