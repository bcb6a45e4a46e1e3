package dev.llmworkbench.domain.loadtest;

import java.util.SplittableRandom;

/**
 * When an open-loop run sends its requests: each call gives the next send instant as nanoseconds
 * from the run's start, never earlier than the one before. One sender owns a schedule; it is not
 * safe to share between threads.
 */
public sealed interface ArrivalSchedule {
    long nextOffsetNanos();

    /** The schedule of an open-loop shape; closed loops send when answered and have none. */
    static ArrivalSchedule of(LoadShape shape, long seed) {
        return switch (shape) {
            case LoadShape.Constant constant -> new Constant(constant);
            case LoadShape.Poisson poisson -> new Poisson(poisson, seed);
            case LoadShape.Concurrent c -> throw closedLoop(c);
            case LoadShape.Synchronous s -> throw closedLoop(s);
            case LoadShape.Throughput t -> throw closedLoop(t);
            case LoadShape.Sweep s -> throw closedLoop(s);
        };
    }

    private static IllegalArgumentException closedLoop(LoadShape shape) {
        return new IllegalArgumentException("not an open-loop shape: " + shape);
    }

    /** Evenly spaced at the shape's rate per second, the first at 0. The i-th instant is computed from i, so rounding never drifts. */
    final class Constant implements ArrivalSchedule {
        private final double nanosPerRequest;
        private long sent;

        public Constant(LoadShape.Constant shape) {
            this.nanosPerRequest = 1e9 / shape.rate();
        }

        @Override
        public long nextOffsetNanos() {
            return Math.round(sent++ * nanosPerRequest);
        }
    }

    /** A Poisson process at the shape's mean rate per second: independent, exponentially distributed gaps, the first at 0. */
    final class Poisson implements ArrivalSchedule {
        private final double meanGapNanos;
        private final SplittableRandom random;
        private double offsetNanos;
        private boolean started;

        public Poisson(LoadShape.Poisson shape, long seed) {
            this.meanGapNanos = 1e9 / shape.rate();
            this.random = new SplittableRandom(seed);
        }

        @Override
        public long nextOffsetNanos() {
            if (started) {
                // Inverse transform sampling: -ln(U) for U uniform in (0, 1] is exponential with mean 1.
                offsetNanos += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
            }
            started = true;
            return Math.round(offsetNanos);
        }
    }
}
