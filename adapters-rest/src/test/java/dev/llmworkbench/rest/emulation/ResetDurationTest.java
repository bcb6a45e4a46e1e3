package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResetDurationTest {
    /** The values OpenAI's rate-limit guide and answers show: "1s", "6m0s", "12ms", "8.64s"; Go's format beyond them. */
    @ParameterizedTest
    @CsvSource({"1000,1s", "360000,6m0s", "12,12ms", "8640,8.64s", "0,0s", "90500,1m30.5s", "3600000,1h0m0s"})
    void writesDurationsAsOpenAisRateLimitHeadersDo(long millis, String expected) {
        assertEquals(expected, ResetDuration.format(Duration.ofMillis(millis)));
    }
}
