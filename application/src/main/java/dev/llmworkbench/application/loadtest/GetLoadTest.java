package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.loadtest.LoadTestRun;

/** {@code GET /api/load-tests/{id}}: a run as last stored, while it runs (its latest snapshot) or after. */
public final class GetLoadTest {
    private final LoadTestRuns runs;

    public GetLoadTest(LoadTestRuns runs) {
        this.runs = runs;
    }

    /** @throws NotFoundException when no run has this id */
    public LoadTestRun get(String id) {
        return runs.find(id).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("id", null, "No load test found with id '" + id + "'.");
    }
}
