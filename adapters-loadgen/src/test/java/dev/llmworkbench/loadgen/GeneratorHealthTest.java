package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeneratorHealthTest {

    private static DistributionSummary p99(double millis) {
        return new DistributionSummary(100, millis / 2, millis / 2, millis / 2, millis / 2, millis, millis);
    }

    @Test
    void warnsWhenRequestsLeftMoreThanTenMillisecondsLateAtP99() {
        Optional<String> warning = GeneratorHealth.warning(p99(12.5), DistributionSummary.EMPTY);

        assertTrue(warning.orElseThrow().contains("12.5 ms late at p99"), warning.get());
    }

    @Test
    void warnsWhenItsOwnThreadsWokeMoreThanTenMillisecondsLateAtP99() {
        Optional<String> warning = GeneratorHealth.warning(p99(2), p99(15));

        assertTrue(warning.orElseThrow().contains("short of CPU"), warning.get());
    }

    @Test
    void keptUpWhenBothStayWithinTenMilliseconds() {
        assertEquals(Optional.empty(), GeneratorHealth.warning(p99(10), p99(10)));
        assertEquals(Optional.empty(), GeneratorHealth.warning(DistributionSummary.EMPTY, DistributionSummary.EMPTY));
    }
}
