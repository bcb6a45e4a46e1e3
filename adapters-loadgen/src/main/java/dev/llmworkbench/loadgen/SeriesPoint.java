package dev.llmworkbench.loadgen;

/**
 * One second of a run: the most users active in it, the requests that finished in it, the output tokens
 * they brought, the p50 and p99 TTFT of those requests, and how many of them failed.
 */
public record SeriesPoint(long second, int activeUsers, long requests, long outputTokens, double ttftP50Ms,
        double ttftP99Ms, long errors) {

    public SeriesPoint {
        if (second < 0 || activeUsers < 0 || requests < 0 || outputTokens < 0 || errors < 0) {
            throw new IllegalArgumentException("a count is negative");
        }
        if (ttftP50Ms < 0 || ttftP50Ms > ttftP99Ms) {
            throw new IllegalArgumentException("TTFT percentiles negative or out of order");
        }
        if (errors > requests) {
            throw new IllegalArgumentException("more errors than requests");
        }
    }
}
