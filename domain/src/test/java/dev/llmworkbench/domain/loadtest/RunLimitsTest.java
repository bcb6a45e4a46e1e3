package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunLimitsTest {
    private static final RunLimits LIMITS = new RunLimits(100, Duration.ofMinutes(10));

    private static LoadTestPlan plan(String load, int user, String inputLens, String time) {
        return new PlanRequest(null, inputLens, "1", user, 5.0, time, null, null, null, null, load, null, null, null, null, null, null,
                null, null).toPlan(URI.create("http://localhost:9080/v1"));
    }

    @ParameterizedTest(name = "{0} with {1} users, input_lens {2}, time_ {3}")
    @CsvSource({
            "concurrent, 100, 1,       10m",
            "throughput, 100, 1,       10m",
            "constant,   100000, 1,    10m",
            "poisson,    100000, 1,    10m",
            "concurrent, 1,   '1,2',   5m",
            "synchronous, 100000, '1,2,3,4,5,6,7,8,9,10', 1m"})
    void runsWithinTheLimitsPass(String load, int user, String inputLens, String time) {
        assertDoesNotThrow(() -> LIMITS.check(plan(load, user, inputLens, time)));
    }

    @ParameterizedTest(name = "{0} with {1} users, input_lens {2}, time_ {3} -> {4}")
    @CsvSource({
            "concurrent, 101, 1,       1s,  user",
            "throughput, 101, 1,       1s,  user",
            "concurrent, 1,   1,       10m1s, time_",
            "concurrent, 1,   '1,2',   5m1s, time_",
            "sweep,      1,   '1,2,3', 4m,  time_"})
    void aRunPastALimitIsRefusedNamingItsField(String load, int user, String inputLens, String time, String param) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> LIMITS.check(plan(load, user, inputLens, time)));
        assertEquals(param, refused.param());
    }
}
