package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepTimesTest {
    private static final EmissionSchedule SCHEDULE = new EmissionSchedule(100_000_000L, 20_000_000L);

    @Test
    void hiddenReasoningTokensDelayTheFirstVisibleTokenByOneGapEach() {
        StepTimes times = new StepTimes(SCHEDULE, 5, Jitter.NONE, 1);
        assertEquals(200_000_000L, times.offsetNanos(0));
        assertEquals(220_000_000L, times.offsetNanos(1));
        assertEquals(200_000_000L + 9 * 20_000_000L, times.completeNanos(10));
    }

    @Test
    void jitteredStepsAreTheSameAskedInOrderOrOutOfIt() {
        Jitter jitter = new Jitter(Duration.ofMillis(30), Duration.ofMillis(5));
        StepTimes inOrder = new StepTimes(SCHEDULE, 0, jitter, 99);
        long[] offsets = new long[50];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = inOrder.offsetNanos(i);
        }
        StepTimes skipping = new StepTimes(SCHEDULE, 0, jitter, 99);
        assertEquals(offsets[49], skipping.completeNanos(50));
        assertEquals(offsets[10], skipping.offsetNanos(10), "asked again from the start");
        assertNotEquals(offsets[2] - offsets[1], offsets[3] - offsets[2], "the gaps vary");
        for (int i = 1; i < offsets.length; i++) {
            assertEquals(offsets[i] - offsets[i - 1], skipping.gapBeforeNanos(i));
        }
    }
}
