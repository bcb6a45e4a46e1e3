package dev.llmworkbench.application.emulation;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of seconds: striped counters, so observing takes no lock. */
public final class Histogram {
    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    public Histogram(double... bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length + 1];
        Arrays.setAll(counts, i -> new LongAdder());
    }

    public void observe(double seconds) {
        int bucket = Arrays.binarySearch(bounds, seconds);
        counts[bucket >= 0 ? bucket : -bucket - 1].increment();
        sum.add(seconds);
    }

    /** The upper bounds, without {@code +Inf}. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Observations at or below each bound, then all of them ({@code +Inf}). */
    public long[] cumulativeCounts() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }

    public double sum() {
        return sum.sum();
    }
}
