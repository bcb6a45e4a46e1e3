package dev.llmworkbench.loadgen;

/**
 * A distribution as the load-test report shows it: {@code {"mean","p50","p90","p95","p99","max"}} in
 * milliseconds, with the number of values behind it (an empty distribution is all zeros with count 0).
 */
public record DistributionSummary(long count, double meanMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms,
        double maxMs) {

    public static final DistributionSummary EMPTY = new DistributionSummary(0, 0, 0, 0, 0, 0, 0);

    public DistributionSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        if (meanMs < 0 || p50Ms < 0 || p90Ms < 0 || p95Ms < 0 || p99Ms < 0 || maxMs < 0) {
            throw new IllegalArgumentException("a duration is negative");
        }
        if (p50Ms > p90Ms || p90Ms > p95Ms || p95Ms > p99Ms || p99Ms > maxMs) {
            throw new IllegalArgumentException("percentiles out of order");
        }
    }
}
