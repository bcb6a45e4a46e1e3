package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.rest.ApiException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailKindHeaderTest {
    @Test
    void theHeaderNamesAKindOfFailure() {
        assertEquals(Optional.of(FailKind.OVERLOADED), TimingHeaders.read(Map.of("X-FAIL-KIND", " overloaded ")::get).failKind());
        assertEquals(Optional.empty(), TimingHeaders.read(Map.<String, String>of()::get).failKind());
    }

    @Test
    void anUnknownKindIsA400NamingTheHeader() {
        ApiException refused = assertThrows(ApiException.class, () -> TimingHeaders.read(Map.of("X-FAIL-KIND", "teapot")::get));
        assertEquals(400, refused.status());
        assertEquals("X-FAIL-KIND", refused.param());
    }
}
