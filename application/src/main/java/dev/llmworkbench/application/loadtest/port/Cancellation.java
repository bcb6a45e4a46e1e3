package dev.llmworkbench.application.loadtest.port;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running load test to stop. A generator waits for its next send through {@link #awaitUntil}, so a
 * cancel wakes it at once instead of after its sleep; threads waiting on answers check {@link #isCancelled}.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits until {@link System#nanoTime()} reaches {@code deadlineNanos} or the run is cancelled.
     *
     * @return true when the deadline came without a cancel
     */
    public boolean awaitUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        return remaining <= 0 ? !isCancelled() : !cancelled.await(remaining, TimeUnit.NANOSECONDS);
    }
}
