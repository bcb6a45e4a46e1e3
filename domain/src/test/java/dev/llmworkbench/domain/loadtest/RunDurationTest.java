package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Good inputs are the forms of Locust's --run-time ("20", "20s", "3m", "2h", "1h20m", "3h30m10s"). */
class RunDurationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "10s = 10", "5m = 300", "1h30m = 5400", "90 = 90", "1h2m3s = 3723", "2h = 7200",
            "1m30s = 90", "3h30m10s = 12610", "' 10s ' = 10", "24h = 86400", "1 = 1"})
    void parsesLocustsRunTimeForms(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), RunDuration.parse(text).duration());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "0", "0s", "0h0m0s", "10x", "-5s", "5m1h", "1.5h", "s", "h", "25h", "24h1s",
            "10 s", "1h1h", "10sec", "9999999999", "1d", "PT10S", "10s5"})
    void refusesAnythingElseNamingTheTimeField(String text) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RunDuration.parse(text));
        assertEquals("time_", e.param());
        assertTrue(e.getMessage().startsWith("time_ must"), e.getMessage());
    }
}
