package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DistributionTest {

    // HdrHistogram at 3 significant digits reports a value within 0.1% of the one recorded.
    private static final double RELATIVE_PRECISION = 0.001;

    @Test
    void summarisesOneToAHundredMillisecondsAsCountedByHand() {
        Distribution distribution = new Distribution();
        for (int ms = 1; ms <= 100; ms++) {
            distribution.record(Duration.ofMillis(ms));
        }
        DistributionSummary summary = distribution.summary();
        // Nearest-rank percentiles of 1..100: the p-th value is p; the mean is 5050 / 100.
        assertEquals(100, summary.count());
        assertClose(50.5, summary.meanMs());
        assertClose(50, summary.p50Ms());
        assertClose(90, summary.p90Ms());
        assertClose(95, summary.p95Ms());
        assertClose(99, summary.p99Ms());
        assertClose(100, summary.maxMs());
    }

    @Test
    void aSummaryAfterNewValuesHoldsThemAndOneAfterNoneRepeatsTheLast() {
        Distribution distribution = new Distribution();
        distribution.record(Duration.ofMillis(10));
        DistributionSummary first = distribution.summary();
        DistributionSummary unchanged = distribution.summary();
        distribution.record(Duration.ofMillis(30));

        DistributionSummary later = distribution.summary();

        assertEquals(first, unchanged);
        // 10 and 30 ms: the mean is 20, the nearest-rank p50 is 10 and the max 30.
        assertEquals(2, later.count());
        assertClose(20, later.meanMs());
        assertClose(10, later.p50Ms());
        assertClose(30, later.maxMs());
    }

    @Test
    void keepsSubMillisecondResolution() {
        Distribution distribution = new Distribution();
        distribution.record(Duration.ofNanos(250_000));
        distribution.record(Duration.ofNanos(750_000));
        DistributionSummary summary = distribution.summary();
        assertEquals(0.25, summary.p50Ms(), 1e-9);
        assertEquals(0.75, summary.maxMs(), 1e-9);
        assertEquals(0.5, summary.meanMs(), 1e-9);
    }

    @Test
    void matchesHdrHistogramsOwnPercentilesForARandomSkewedSet() {
        SplittableRandom random = new SplittableRandom(17);
        Distribution distribution = new Distribution();
        Histogram reference = new Histogram(3);
        for (int i = 0; i < 50_000; i++) {
            long micros = (long) (20_000 * Math.exp(random.nextGaussian()));
            distribution.record(Duration.ofNanos(micros * 1_000));
            reference.recordValue(micros);
        }
        DistributionSummary summary = distribution.summary();
        assertEquals(reference.getTotalCount(), summary.count());
        assertEquals(reference.getMean() / 1000, summary.meanMs(), 1e-9);
        assertEquals(reference.getValueAtPercentile(50) / 1000.0, summary.p50Ms(), 1e-9);
        assertEquals(reference.getValueAtPercentile(90) / 1000.0, summary.p90Ms(), 1e-9);
        assertEquals(reference.getValueAtPercentile(95) / 1000.0, summary.p95Ms(), 1e-9);
        assertEquals(reference.getValueAtPercentile(99) / 1000.0, summary.p99Ms(), 1e-9);
        assertEquals(reference.getMaxValue() / 1000.0, summary.maxMs(), 1e-9);
    }

    @Test
    void keepsEveryValueRecordedFromManyVirtualThreadsWhileSummariesAreRead() throws Exception {
        Distribution distribution = new Distribution();
        List<DistributionSummary> midway = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 200; t++) {
                threads.submit(() -> {
                    for (int i = 1; i <= 1_000; i++) {
                        distribution.record(Duration.ofMillis(i % 10 + 1));
                    }
                });
            }
            for (int i = 0; i < 20; i++) {
                midway.add(distribution.summary());
            }
        }
        DistributionSummary summary = distribution.summary();
        assertEquals(200_000, summary.count());
        // Each thread records 1..10 ms equally often, so the mean is 5.5 ms and the maximum 10 ms.
        assertClose(5.5, summary.meanMs());
        assertClose(10, summary.maxMs());
        midway.forEach(m -> assertTrue(m.count() <= 200_000, "a summary counts no more than was recorded"));
    }

    @Test
    void summarisesNothingAsZeros() {
        assertEquals(DistributionSummary.EMPTY, new Distribution().summary());
    }

    @Test
    void rejectsANegativeDuration() {
        assertThrows(IllegalArgumentException.class, () -> new Distribution().record(Duration.ofMillis(-1)));
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, expected * RELATIVE_PRECISION);
    }
}
