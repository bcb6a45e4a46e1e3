package dev.llmworkbench.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompletionWindowTest {
    @ParameterizedTest
    @CsvSource({"24h, 86400", "1h, 3600", "10m, 600", "30s, 30", "1440m, 86400"})
    void readsOpenAisWindowAndOurShorterOnes(String wire, long seconds) {
        CompletionWindow window = CompletionWindow.parse(wire);
        assertEquals(Duration.ofSeconds(seconds), window.length());
        assertEquals(wire, window.wire());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "48h", "0s", "1d", " 1h", "1.5h", "-1h", "86401s"})
    void refusesAnythingElseNamingTheParameter(String wire) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CompletionWindow.parse(wire));
        assertEquals("completion_window", e.param());
    }

    @Test
    void theDefaultIsOpenAisOnlyWindow() {
        assertEquals("24h", CompletionWindow.DAY.wire());
        assertEquals(Duration.ofHours(24), CompletionWindow.DAY.length());
    }
}
