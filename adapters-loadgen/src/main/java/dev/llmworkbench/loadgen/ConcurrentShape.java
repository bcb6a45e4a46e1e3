package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.util.Objects;

/**
 * The closed-loop load shape ({@code load.type} {@code concurrent}, the task runner's): {@code users} users
 * started at {@code spawnRatePerS} users a second, each sending its next request as soon as the last answered,
 * until {@code duration} has passed since the start.
 */
public record ConcurrentShape(int users, double spawnRatePerS, Duration duration) {

    public ConcurrentShape {
        Objects.requireNonNull(duration, "duration");
        if (users < 1) {
            throw new IllegalArgumentException("users < 1");
        }
        if (!(spawnRatePerS > 0) || Double.isInfinite(spawnRatePerS)) {
            throw new IllegalArgumentException("spawnRatePerS must be a positive number");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    /** When the user with this index (from 0) is due to start, counted from the run's start. */
    public long startOffsetNanos(int user) {
        return (long) (user * 1e9 / spawnRatePerS);
    }
}
