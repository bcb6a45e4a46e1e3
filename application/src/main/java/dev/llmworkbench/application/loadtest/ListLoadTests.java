package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.loadtest.port.RunPage;

/** {@code GET /api/load-tests}: the runs newest first, a page at a time. */
public final class ListLoadTests {
    public static final int DEFAULT_LIMIT = 20;

    private final LoadTestRuns runs;

    public ListLoadTests(LoadTestRuns runs) {
        this.runs = runs;
    }

    public RunPage list(PageRequest page) {
        return runs.list(page);
    }
}
