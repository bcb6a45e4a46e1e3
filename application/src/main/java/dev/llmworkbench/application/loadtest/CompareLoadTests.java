package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.util.HashSet;
import java.util.List;

/** {@code GET /api/load-tests/compare?ids=a,b}: runs side by side, in the order asked for. */
public final class CompareLoadTests {
    /** Side by side is for a few runs; ten is past what a page or a person compares at once. */
    public static final int MAX_RUNS = 10;

    private final LoadTestRuns runs;

    public CompareLoadTests(LoadTestRuns runs) {
        this.runs = runs;
    }

    /**
     * @throws InvalidRequestException when {@code ids} are fewer than 2, more than {@value #MAX_RUNS}, or repeat one
     * @throws dev.llmworkbench.domain.NotFoundException naming the first id that is no run
     */
    public List<LoadTestRun> compare(List<String> ids) {
        if (ids.size() < 2 || ids.size() > MAX_RUNS) {
            throw new InvalidRequestException("ids", "ids must name 2 to " + MAX_RUNS + " load tests separated by commas, got " + ids.size() + ".");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidRequestException("ids", "ids names a load test twice.");
        }
        return ids.stream().map(id -> runs.find(id).orElseThrow(() -> GetLoadTest.notFound(id))).toList();
    }
}
