package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.domain.loadtest.LoadTestRun;

/** {@code POST /api/load-tests}: a run is stored as queued and runs on its own when its turn comes. */
public final class StartLoadTest {
    private final LoadTestQueue queue;

    public StartLoadTest(LoadTestQueue queue) {
        this.queue = queue;
    }

    /** @return the run as queued, with its id */
    public LoadTestRun start(LoadTestCommand command) {
        return queue.enqueue(command).queued();
    }
}
