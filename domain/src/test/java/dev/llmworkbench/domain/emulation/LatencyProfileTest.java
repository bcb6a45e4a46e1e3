package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyProfileTest {
    private static final Duration MAX = Duration.ofSeconds(600);
    private static final TokenTiming TIMING = new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20);

    @Test
    void aDelayWithinTheMaximumPasses() {
        // 100 ms + 1,000 tokens x 1 ms + 19 x 50 ms = 2.05 s, x 2 at full load
        LatencyProfile profile = new LatencyProfile(Duration.ofMillis(1), 2.0, 10);
        assertEquals(Optional.empty(), profile.firstPartPast(MAX, TIMING, 1000, 20, 10));
    }

    @Test
    void namesThePrefillWhenItsCostPerTokenTimesThePromptIsTooLong() {
        // 100 s per token x 8 tokens = 800 s, issue 15's example
        LatencyProfile profile = new LatencyProfile(Duration.ofSeconds(100), 1.0, 1);
        assertEquals(Optional.of(DelayPart.PREFILL), profile.firstPartPast(MAX, TIMING, 8, 20, 1));
    }

    @Test
    void namesTheGapsWhenTheLastTokenWouldBeTooLate() {
        // 100 ms + 12,000 x 50 ms = 600.1 s
        assertEquals(Optional.of(DelayPart.INTER_TOKEN), LatencyProfile.NONE.firstPartPast(MAX, TIMING, 0, 12_001, 1));
        assertEquals(Optional.empty(), LatencyProfile.NONE.firstPartPast(MAX, TIMING, 0, 11_998, 1));
    }

    @Test
    void namesTheLoadOnlyWhenOtherRequestsAreInFlight() {
        LatencyProfile profile = new LatencyProfile(Duration.ZERO, 999_999_999, 100);
        assertEquals(Optional.empty(), profile.firstPartPast(MAX, TIMING, 8, 20, 1));
        assertEquals(Optional.of(DelayPart.LOAD), profile.firstPartPast(MAX, TIMING, 8, 20, 2));
    }

    @Test
    void namesTheTimeToFirstTokenFirst() {
        TokenTiming late = new TokenTiming(Duration.ofSeconds(601), Duration.ZERO, 1);
        assertEquals(Optional.of(DelayPart.TIME_TO_FIRST_TOKEN), LatencyProfile.NONE.firstPartPast(MAX, late, 0, 1, 1));
    }
}
