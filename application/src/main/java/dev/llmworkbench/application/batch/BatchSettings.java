package dev.llmworkbench.application.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How batches run: at most {@code concurrency} lines of one batch and {@code maxInFlight} lines of all batches at
 * once; a failed call (no answer at all) is tried {@code attempts} times, {@code backoff} apart and doubling, and a
 * 429 without {@code Retry-After} pauses the batch for {@code backoff}; at shutdown, lines in flight get
 * {@code shutdownGrace} to finish and be kept.
 */
public record BatchSettings(int concurrency, int maxInFlight, int attempts, Duration backoff, Duration shutdownGrace) {
    public BatchSettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (concurrency < 1 || maxInFlight < 1 || attempts < 1) {
            throw new IllegalArgumentException("concurrency, max in flight and attempts must be at least 1");
        }
        if (backoff.isNegative() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }
}
