package dev.llmworkbench.loadgen;

import java.util.Map;
import java.util.Objects;

/**
 * The figures of a run or one step of it, as the load-test report carries them: counts, rates over the
 * measured duration, failures by {@link ErrorClass#key()}, the four latency distributions of successful
 * requests, and the generator's send lateness over every request.
 */
public record RunFigures(long requests, Map<String, Long> failures, double durationS, double requestsPerS,
        double inputTokensPerS, double outputTokensPerS, DistributionSummary ttft, DistributionSummary itl,
        DistributionSummary tpot, DistributionSummary latency, DistributionSummary lateness) {

    public RunFigures {
        failures = Map.copyOf(failures);
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(itl, "itl");
        Objects.requireNonNull(tpot, "tpot");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(lateness, "lateness");
        if (requests < 0 || durationS < 0 || requestsPerS < 0 || inputTokensPerS < 0 || outputTokensPerS < 0) {
            throw new IllegalArgumentException("a count or rate is negative");
        }
        if (failures.values().stream().mapToLong(Long::longValue).sum() > requests) {
            throw new IllegalArgumentException("more failures than requests");
        }
    }
}
