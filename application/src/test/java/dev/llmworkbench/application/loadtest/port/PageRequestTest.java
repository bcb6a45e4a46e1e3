package dev.llmworkbench.application.loadtest.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {
    // OpenAI's list endpoints take a limit from 1 to 100.
    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void acceptsALimitFromOneToAHundred(int limit) {
        assertEquals(limit, new PageRequest(Optional.empty(), limit).limit());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesALimitOutsideOneToAHundred(int limit) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new PageRequest(Optional.empty(), limit));
        assertEquals("limit must be 1..100, was " + limit, refused.getMessage());
    }
}
