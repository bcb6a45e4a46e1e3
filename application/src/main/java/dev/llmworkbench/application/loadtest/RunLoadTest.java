package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.util.concurrent.ExecutionException;

/**
 * The task runner's {@code POST /run-task/}: a run queued and stored like any other, the caller waiting for its end.
 * Blocks the calling thread for the whole run: call it on a virtual thread.
 */
public final class RunLoadTest {
    private final LoadTestQueue queue;

    public RunLoadTest(LoadTestQueue queue) {
        this.queue = queue;
    }

    /** @return the run as it ended: completed, or cancelled, failed or interrupted meanwhile */
    public LoadTestRun run(LoadTestCommand command) throws InterruptedException {
        try {
            return queue.enqueue(command).end().get();
        } catch (ExecutionException storeFailure) {
            throw new IllegalStateException("the run's end could not be stored", storeFailure.getCause());
        }
    }
}
