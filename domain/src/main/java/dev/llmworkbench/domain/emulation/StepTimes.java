package dev.llmworkbench.domain.emulation;

import java.util.Objects;

/**
 * When each step of one response is due, in nanoseconds after it was admitted: the schedule's
 * first token (plus the hidden reasoning tokens, one gap each), then one jittered gap per step.
 * Steps are asked for in order, so the running sum is kept and each step costs O(1).
 * Not thread-safe: one stream asks, one step after another.
 */
public final class StepTimes {
    private final long firstNanos;
    private final long gapNanos;
    private final Jitter jitter;
    private final long seed;
    private int cursorIndex;
    private long cursorNanos;

    public StepTimes(EmissionSchedule schedule, int reasoningTokens, Jitter jitter, long seed) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(jitter, "jitter");
        if (reasoningTokens < 0) {
            throw new IllegalArgumentException("reasoningTokens < 0");
        }
        this.gapNanos = schedule.interTokenNanos();
        this.jitter = jitter;
        this.seed = seed;
        // Reasoning models generate their hidden tokens at the inter-token pace before the first visible one.
        this.firstNanos = jitter.firstTokenNanos(schedule.firstTokenNanos(), seed) + gapNanos * reasoningTokens;
        this.cursorNanos = firstNanos;
    }

    /** The gap before step {@code index} (1 and up), jittered as the offsets are. */
    public long gapBeforeNanos(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("index < 1");
        }
        return jitter.gapNanos(gapNanos, seed, index);
    }

    /** @param index zero-based step index */
    public long offsetNanos(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0");
        }
        if (jitter.itlStddev().isZero()) {
            return firstNanos + gapNanos * index;
        }
        if (index < cursorIndex) {
            cursorIndex = 0;
            cursorNanos = firstNanos;
        }
        while (cursorIndex < index) {
            cursorIndex++;
            cursorNanos += jitter.gapNanos(gapNanos, seed, cursorIndex);
        }
        return cursorNanos;
    }

    /** When a response of {@code steps} steps is complete: its last step's offset. */
    public long completeNanos(int steps) {
        return offsetNanos(Math.max(0, steps - 1));
    }
}
