package dev.llmworkbench.loadgen;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        threads.execute(task);
    }

    /**
     * Ends the stretch and returns when it ended: at once on a cancel; when the budget is spent, as soon as the
     * requests in flight answered (or at the window's end); otherwise at the window's end, abandoning those in flight.
     */
    long finish() throws InterruptedException {
        threads.shutdown();
        if (run.budgetSpent()) {
            Thread watcher = Thread.ofVirtual().start(this::abandonAtEndOrCancel);
            try {
                threads.awaitTermination(run.windowNanos() + run.requestTimeoutNanos(), TimeUnit.NANOSECONDS);
            } finally {
                watcher.interrupt();
            }
        } else {
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
