package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SloTest {
    @Test
    void readsMillisecondsAndLeavesAbsentThresholdsUnchecked() {
        Slo slo = Slo.ofMillis(200.0, null, 1.5);
        assertEquals(Optional.of(Duration.ofMillis(200)), slo.ttft());
        assertEquals(Optional.empty(), slo.itl());
        assertEquals(Optional.of(Duration.ofNanos(1_500_000)), slo.latency());
        assertFalse(slo.isEmpty());
        assertTrue(Slo.ofMillis(null, null, null).isEmpty());
        assertEquals(Slo.none(), Slo.ofMillis(null, null, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 3_600_001})
    void refusesThresholdsThatAreNotPositiveMillisecondsNamingEachField(double millis) {
        assertEquals("slo.ttft_ms", assertThrows(InvalidRequestException.class, () -> Slo.ofMillis(millis, null, null)).param());
        assertEquals("slo.itl_ms", assertThrows(InvalidRequestException.class, () -> Slo.ofMillis(null, millis, null)).param());
        assertEquals("slo.latency_ms", assertThrows(InvalidRequestException.class, () -> Slo.ofMillis(null, null, millis)).param());
    }
}
