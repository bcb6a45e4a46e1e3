package dev.llmworkbench.domain.emulation;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Gaussian noise on the time to first token and on each inter-token gap, as a serving engine's
 * timing varies (llm-d-inference-sim's time-to-first-token-std-dev and inter-token-latency-std-dev).
 * A deviation is clamped to ±70 % of its mean, so no delay turns negative or balloons, and it is a
 * pure function of the seed and the token's index, so a seeded request repeats its timing exactly.
 */
public record Jitter(Duration ttftStddev, Duration itlStddev) {
    public static final Jitter NONE = new Jitter(Duration.ZERO, Duration.ZERO);
    /** The largest deviation as a share of the mean. */
    public static final double CLAMP = 0.7;
    private static final int FIRST_TOKEN = -1;

    public Jitter {
        Objects.requireNonNull(ttftStddev, "ttftStddev");
        Objects.requireNonNull(itlStddev, "itlStddev");
        if (ttftStddev.isNegative() || itlStddev.isNegative()) {
            throw new IllegalArgumentException("standard deviations must be >= 0");
        }
    }

    public boolean isNone() {
        return ttftStddev.isZero() && itlStddev.isZero();
    }

    /** The time to first token of mean {@code meanNanos}, deviated. */
    public long firstTokenNanos(long meanNanos, long seed) {
        return meanNanos + deviation(meanNanos, ttftStddev.toNanos(), seed, FIRST_TOKEN);
    }

    /** The gap before step {@code index} (1 and up) of mean {@code meanNanos}, deviated. */
    public long gapNanos(long meanNanos, long seed, int index) {
        return meanNanos + deviation(meanNanos, itlStddev.toNanos(), seed, index);
    }

    private static long deviation(long meanNanos, long stddevNanos, long seed, int index) {
        if (stddevNanos == 0 || meanNanos == 0) {
            return 0;
        }
        // The golden-ratio step spreads neighbouring indices over the generator's seed space.
        double gaussian = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (index + 2L)).nextGaussian();
        double limit = CLAMP * meanNanos;
        return Math.round(Math.max(-limit, Math.min(limit, gaussian * stddevNanos)));
    }
}
