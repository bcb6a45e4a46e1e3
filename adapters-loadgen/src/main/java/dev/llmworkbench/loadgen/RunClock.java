package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Ties the monotonic {@link System#nanoTime()} the generator measures with to the wall-clock instant a run
 * started, so every measured moment is exact (no wall-clock steps) and still reported as an {@link Instant}.
 */
public record RunClock(Instant origin, long originNanos) {

    public RunClock {
        Objects.requireNonNull(origin, "origin");
    }

    public static RunClock startingNow() {
        return new RunClock(Instant.now(), System.nanoTime());
    }

    public Instant at(long nanos) {
        return origin.plus(Duration.ofNanos(nanos - originNanos));
    }
}
