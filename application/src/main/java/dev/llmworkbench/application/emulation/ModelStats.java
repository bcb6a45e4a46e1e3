package dev.llmworkbench.application.emulation;

import java.util.concurrent.atomic.LongAdder;

/**
 * One model engine's counters and histograms under vLLM's metric names, with vLLM's bucket bounds
 * (vllm/v1/metrics/loggers.py, PrometheusStatLogger), so a dashboard made for vLLM reads them.
 */
public final class ModelStats {
    static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0,
            7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
            10.0, 20.0, 40.0, 80.0};
    static final double[] REQUEST_LATENCY_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
            50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    /** vLLM's finished_reason label values. */
    public enum FinishedReason {
        STOP, LENGTH, ABORT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder generationTokens = new LongAdder();
    private final LongAdder prefixCacheQueries = new LongAdder();
    private final LongAdder prefixCacheHits = new LongAdder();
    private final LongAdder[] finished = {new LongAdder(), new LongAdder(), new LongAdder()};
    private final Histogram timeToFirstToken = new Histogram(TTFT_BUCKETS);
    private final Histogram interTokenLatency = new Histogram(ITL_BUCKETS);
    private final Histogram e2eRequestLatency = new Histogram(REQUEST_LATENCY_BUCKETS);
    private final Histogram requestQueueTime = new Histogram(REQUEST_LATENCY_BUCKETS);

    void promptTokens(int tokens) {
        promptTokens.add(tokens);
    }

    void generationTokens(int tokens) {
        generationTokens.add(tokens);
    }

    void prefixCache(int queriedTokens, int hitTokens) {
        prefixCacheQueries.add(queriedTokens);
        prefixCacheHits.add(hitTokens);
    }

    void finished(FinishedReason reason, long e2eNanos, long queueNanos) {
        finished[reason.ordinal()].increment();
        e2eRequestLatency.observe(e2eNanos / 1e9);
        requestQueueTime.observe(queueNanos / 1e9);
    }

    public long promptTokens() {
        return promptTokens.sum();
    }

    public long generationTokens() {
        return generationTokens.sum();
    }

    public long prefixCacheQueries() {
        return prefixCacheQueries.sum();
    }

    public long prefixCacheHits() {
        return prefixCacheHits.sum();
    }

    public long finished(FinishedReason reason) {
        return finished[reason.ordinal()].sum();
    }

    public Histogram timeToFirstToken() {
        return timeToFirstToken;
    }

    public Histogram interTokenLatency() {
        return interTokenLatency;
    }

    public Histogram e2eRequestLatency() {
        return e2eRequestLatency;
    }

    public Histogram requestQueueTime() {
        return requestQueueTime;
    }
}
