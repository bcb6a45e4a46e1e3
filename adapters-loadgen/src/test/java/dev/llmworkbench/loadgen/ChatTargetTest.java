package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.loadtest.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080/v1", "http://localhost:9080/v1/"})
    void appendsTheChatCompletionsPathToTheBaseUrl(String base) {
        assertEquals(URI.create("http://localhost:9080/v1/chat/completions"), target(base, Optional.empty())
                .endpoint(Scenario.CHAT_COMPLETIONS));
    }

    // OpenAI's API reference paths: POST /chat/completions, /completions, /embeddings, /responses.
    @ParameterizedTest
    @CsvSource({"CHAT_COMPLETIONS, /v1/chat/completions", "CHAT_COMPLETIONS_NONSTREAM, /v1/chat/completions",
            "COMPLETIONS, /v1/completions", "EMBEDDINGS, /v1/embeddings", "RESPONSES, /v1/responses"})
    void postsEachScenarioToItsApisPath(Scenario scenario, String path) {
        assertEquals(URI.create("http://localhost:9080" + path), target("http://localhost:9080/v1", Optional.empty())
                .endpoint(scenario));
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
