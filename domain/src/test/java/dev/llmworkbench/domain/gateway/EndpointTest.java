package dev.llmworkbench.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {
    private static Route route(String endpoint) {
        return Endpoint.route("default", endpoint, Optional.empty(), Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://api.openai.com/v1, https://api.openai.com/v1/chat/completions",
            "https://api.openai.com/v1/, https://api.openai.com/v1/chat/completions",
            "https://api.openai.com/v1/chat/completions, https://api.openai.com/v1/chat/completions",
            "http://localhost:8000/v1/chat/completions/, http://localhost:8000/v1/chat/completions"})
    void aBaseUrlOrAFullChatCompletionsUrlCallsChatCompletionsWithABearerKey(String endpoint, String called) {
        Route route = route(endpoint);
        assertEquals(RouteKind.OPENAI, route.kind());
        assertEquals(URI.create(called), route.target("/chat/completions"));
    }

    @Test
    void anAzureDeploymentUrlCallsTheDeploymentWithItsApiVersionAndTheApiKeyHeader() {
        Route route = route("https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21");
        assertEquals(RouteKind.AZURE, route.kind());
        assertEquals(URI.create("https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21"),
                route.target("/chat/completions"));
    }

    @Test
    void anAzureDeploymentWithoutAnApiVersionIsRefusedWithTheReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> route("https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions"));
        assertEquals("ENDPOINT names an Azure deployment but no api-version: add ?api-version=...", refused.getMessage());
    }

    @Test
    void somethingThatIsNotAnHttpUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> route("ftp://example.com/v1"));
        assertThrows(IllegalArgumentException.class, () -> route("api.openai.com/v1"));
    }
}
