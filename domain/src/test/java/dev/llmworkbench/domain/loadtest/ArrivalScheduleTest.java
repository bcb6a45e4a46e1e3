package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    @Test
    void aConstantRateSendsEvenlyFromTheStartWithoutDrift() {
        ArrivalSchedule tenPerSecond = ArrivalSchedule.of(new LoadShape.Constant(10), 0);
        assertEquals(0, tenPerSecond.nextOffsetNanos());
        assertEquals(100_000_000, tenPerSecond.nextOffsetNanos());
        assertEquals(200_000_000, tenPerSecond.nextOffsetNanos());

        ArrivalSchedule threePerSecond = ArrivalSchedule.of(new LoadShape.Constant(3), 0);
        assertEquals(0, threePerSecond.nextOffsetNanos());
        assertEquals(333_333_333, threePerSecond.nextOffsetNanos());
        assertEquals(666_666_667, threePerSecond.nextOffsetNanos());
        assertEquals(1_000_000_000, threePerSecond.nextOffsetNanos());
        for (int i = 4; i < 3_000_000; i++) {
            threePerSecond.nextOffsetNanos();
        }
        assertEquals(1_000_000L * 1_000_000_000L, threePerSecond.nextOffsetNanos());
    }

    /**
     * An exponential distribution of rate r has mean 1/r and variance 1/r²; with 200,000 gaps the
     * standard errors are 0.22% and 0.63%, so 1% and 3% are over four of them. The Kolmogorov-Smirnov
     * statistic against the exponential CDF stays under the 5% critical value 1.36/√n.
     */
    @Test
    void poissonGapsHaveTheExponentialsMeanVarianceAndShape() {
        double rate = 250;
        int gaps = 200_000;
        ArrivalSchedule schedule = ArrivalSchedule.of(new LoadShape.Poisson(rate), 42);
        double[] seconds = new double[gaps];
        long previous = schedule.nextOffsetNanos();
        assertEquals(0, previous);
        for (int i = 0; i < gaps; i++) {
            long next = schedule.nextOffsetNanos();
            assertTrue(next >= previous);
            seconds[i] = (next - previous) / 1e9;
            previous = next;
        }
        double mean = Arrays.stream(seconds).average().orElseThrow();
        double variance = Arrays.stream(seconds).map(g -> (g - mean) * (g - mean)).sum() / (gaps - 1);
        assertEquals(1 / rate, mean, 0.01 / rate);
        assertEquals(1 / (rate * rate), variance, 0.03 / (rate * rate));
        assertTrue(ksStatistic(seconds, rate) < 1.36 / Math.sqrt(gaps));
    }

    private static double ksStatistic(double[] gaps, double rate) {
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            double cdf = 1 - Math.exp(-rate * sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / sorted.length - cdf, cdf - (double) i / sorted.length));
        }
        return d;
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertEquals(offsets(ArrivalSchedule.of(new LoadShape.Poisson(100), 7)), offsets(ArrivalSchedule.of(new LoadShape.Poisson(100), 7)));
        assertNotEquals(offsets(ArrivalSchedule.of(new LoadShape.Poisson(100), 7)), offsets(ArrivalSchedule.of(new LoadShape.Poisson(100), 8)));
    }

    private static List<Long> offsets(ArrivalSchedule schedule) {
        return Stream.generate(schedule::nextOffsetNanos).limit(50).toList();
    }

    @Test
    void closedLoopShapesHaveNoSchedule() {
        for (LoadShape shape : List.of(new LoadShape.Concurrent(10, 10), new LoadShape.Synchronous(),
                new LoadShape.Throughput(64), new LoadShape.Sweep(10))) {
            assertThrows(IllegalArgumentException.class, () -> ArrivalSchedule.of(shape, 0));
        }
    }
}
