package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadersTest {

    @Test
    void theEmulatorsTimingHeadersPassAsGiven() {
        Map<String, String> headers = RequestHeaders.check(Map.of("X-TTFT-MS", "100", "X-ITL-MS", "20"));
        assertEquals(Map.of("X-TTFT-MS", "100", "X-ITL-MS", "20"), headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Api-Key", "Cookie", "Host", "Content-Length", "Connection"})
    void credentialsAndHeadersTheClientOwnsAreRefusedWithoutEchoingTheValue(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RequestHeaders.check(Map.of(name, "sk-secret-value")));
        assertEquals("headers", e.param());
        assertFalse(e.getMessage().contains("sk-secret-value"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Bad", "", "X-Bad:", "X-\u00e9"})
    void aNameThatIsNotAnHttpTokenIsRefused(String name) {
        assertEquals("headers", assertThrows(InvalidRequestException.class, () -> RequestHeaders.check(Map.of(name, "1"))).param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\r\nX-Injected: 1", "a\nb", "nul\u0000"})
    void aValueThatIsNotOneLineIsRefused(String value) {
        assertEquals("headers", assertThrows(InvalidRequestException.class, () -> RequestHeaders.check(Map.of("X-A", value))).param());
    }

    @Test
    void theSameNameInTwoCasesIsRefused() {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-TTFT-MS", "1");
        headers.put("x-ttft-ms", "2");
        assertEquals("headers", assertThrows(InvalidRequestException.class, () -> RequestHeaders.check(headers)).param());
    }
}
