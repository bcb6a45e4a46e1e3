package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitterTest {
    private static final long MEAN = 100_000_000L;

    @Test
    void aSeededRequestDrawsTheSameDeviationsAgain() {
        Jitter jitter = new Jitter(Duration.ofMillis(10), Duration.ofMillis(10));
        assertEquals(jitter.firstTokenNanos(MEAN, 42), jitter.firstTokenNanos(MEAN, 42));
        assertEquals(jitter.gapNanos(MEAN, 42, 7), jitter.gapNanos(MEAN, 42, 7));
        assertNotEquals(jitter.gapNanos(MEAN, 42, 7), jitter.gapNanos(MEAN, 42, 8), "each gap draws its own deviation");
        assertNotEquals(jitter.firstTokenNanos(MEAN, 42), jitter.firstTokenNanos(MEAN, 43));
    }

    @Test
    void deviationsFollowTheConfiguredStandardDeviation() {
        Jitter jitter = new Jitter(Duration.ofMillis(10), Duration.ZERO);
        int samples = 20_000;
        double sum = 0;
        double squares = 0;
        for (int seed = 0; seed < samples; seed++) {
            double value = jitter.firstTokenNanos(MEAN, seed);
            sum += value;
            squares += value * value;
        }
        double mean = sum / samples;
        double stddev = Math.sqrt(squares / samples - mean * mean);
        assertEquals(MEAN, mean, MEAN * 0.005);
        assertEquals(10_000_000, stddev, 10_000_000 * 0.05);
    }

    @Test
    void aDeviationNeverPassesSeventyPercentOfTheMean() {
        Jitter wild = new Jitter(Duration.ofSeconds(10), Duration.ofSeconds(10));
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int seed = 0; seed < 10_000; seed++) {
            long gap = wild.gapNanos(MEAN, seed, 1);
            lowest = Math.min(lowest, gap);
            highest = Math.max(highest, gap);
        }
        assertEquals(30_000_000L, lowest);
        assertEquals(170_000_000L, highest);
    }

    @Test
    void withoutAStandardDeviationTheMeanIsKept() {
        assertEquals(MEAN, Jitter.NONE.firstTokenNanos(MEAN, 1));
        assertEquals(MEAN, Jitter.NONE.gapNanos(MEAN, 1, 3));
        assertTrue(Jitter.NONE.isNone());
    }
}
