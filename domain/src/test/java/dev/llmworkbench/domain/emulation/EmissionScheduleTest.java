package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmissionScheduleTest {
    private static final TokenTiming TIMING = new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20);

    @Test
    void firstTokenIsDueAtTtftAndEachNextOneItlLater() {
        EmissionSchedule schedule = LatencyProfile.NONE.schedule(TIMING, 1000, 1);
        assertEquals(Duration.ofMillis(100).toNanos(), schedule.dueNanos(0));
        assertEquals(Duration.ofMillis(150).toNanos(), schedule.dueNanos(1));
        assertEquals(Duration.ofMillis(100 + 19 * 50).toNanos(), schedule.completeNanos(20));
    }

    @Test
    void anEmptyAnswerIsCompleteAtTtft() {
        assertEquals(Duration.ofMillis(100).toNanos(), LatencyProfile.NONE.schedule(TIMING, 1, 1).completeNanos(0));
    }

    @Test
    void prefillAddsItsCostPerPromptTokenToTtftOnly() {
        LatencyProfile prefill = new LatencyProfile(Duration.ofNanos(20_000), 1.0, 1);
        EmissionSchedule schedule = prefill.schedule(TIMING, 500, 1);
        assertEquals(Duration.ofMillis(110).toNanos(), schedule.firstTokenNanos());
        assertEquals(Duration.ofMillis(50).toNanos(), schedule.interTokenNanos());
    }

    @Test
    void loadScalesDelaysLinearlyReachingTheFactorAtTheConfiguredConcurrency() {
        LatencyProfile load = new LatencyProfile(Duration.ZERO, 2.0, 11);
        assertEquals(1.0, load.loadMultiplier(1));
        assertEquals(1.5, load.loadMultiplier(6));
        assertEquals(2.0, load.loadMultiplier(11));
        assertEquals(3.0, load.loadMultiplier(21));
        EmissionSchedule schedule = load.schedule(TIMING, 0, 11);
        assertEquals(Duration.ofMillis(200).toNanos(), schedule.firstTokenNanos());
        assertEquals(Duration.ofMillis(100).toNanos(), schedule.interTokenNanos());
    }

    @Test
    void invalidTimingCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new TokenTiming(Duration.ofMillis(-1), Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenTiming(Duration.ZERO, Duration.ZERO, -1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyProfile(Duration.ZERO, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyProfile(Duration.ZERO, Double.NaN, 1));
    }
}
