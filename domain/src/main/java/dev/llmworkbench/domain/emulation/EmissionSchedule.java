package dev.llmworkbench.domain.emulation;

/**
 * When each output token is due, in nanoseconds after the request's arrival. Offsets are absolute,
 * so an emitter that schedules every token against the arrival instant never accumulates drift.
 */
public record EmissionSchedule(long firstTokenNanos, long interTokenNanos) {
    public EmissionSchedule {
        if (firstTokenNanos < 0 || interTokenNanos < 0) {
            throw new IllegalArgumentException("schedule offsets must be >= 0");
        }
    }

    /** @param index zero-based token index */
    public long dueNanos(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0");
        }
        return firstTokenNanos + interTokenNanos * index;
    }

    /** When a response of {@code tokens} tokens is complete: its last token's due time. */
    public long completeNanos(int tokens) {
        return dueNanos(Math.max(0, tokens - 1));
    }
}
