package dev.llmworkbench.loadgen;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One duration distribution, recorded from many virtual threads at once and summarised while recording goes on.
 * Values are kept in microseconds to 3 significant digits (HdrHistogram: fixed memory, no allocation per value);
 * a {@link Recorder} takes the writes without locks and each summary folds what came since into a running total.
 */
public final class Distribution {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MS = 1_000.0;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram interval;
    private DistributionSummary last = DistributionSummary.EMPTY;

    public void record(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("duration < 0: " + value);
        }
        recorder.recordValue(micros(value));
    }

    public synchronized DistributionSummary summary() {
        interval = recorder.getIntervalHistogram(interval);
        // Each percentile walks the histogram: a summary asked for every second is walked again only when it changed.
        if (interval.getTotalCount() > 0) {
            total.add(interval);
            last = summarise(total);
        }
        return last;
    }

    static DistributionSummary summarise(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return DistributionSummary.EMPTY;
        }
        return new DistributionSummary(histogram.getTotalCount(),
                histogram.getMean() / MICROS_PER_MS,
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()));
    }

    static long micros(Duration value) {
        return value.toNanos() / 1_000;
    }

    private static double ms(long micros) {
        return micros / MICROS_PER_MS;
    }
}
