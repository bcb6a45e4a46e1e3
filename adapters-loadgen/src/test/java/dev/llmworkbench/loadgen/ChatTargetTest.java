package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080/v1", "http://localhost:9080/v1/"})
    void appendsTheChatCompletionsPathToTheBaseUrl(String base) {
        assertEquals(URI.create("http://localhost:9080/v1/chat/completions"), target(base, Optional.empty())
                .chatCompletions());
    }

    @Test
    void neverShowsItsKeyInItsText() {
        assertFalse(target("http://localhost/v1", Optional.of("sk-abc")).toString().contains("sk-abc"));
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThrows(IllegalArgumentException.class, () -> target("ftp://localhost/v1", Optional.empty()));
    }

    private static ChatTarget target(String base, Optional<String> key) {
        return new ChatTarget(URI.create(base), key, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
