package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where requests go: an OpenAI-compatible base URL (the part before {@code /chat/completions}, such as
 * {@code http://localhost:9080/v1}), an optional API key, and how long to wait for a connection and for a whole
 * answer. {@link #toString()} leaves the key out, because a key is never logged or echoed.
 */
public record ChatTarget(URI baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration requestTimeout) {

    public ChatTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl is not http or https: " + baseUrl);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    public URI chatCompletions() {
        return endpoint(Scenario.CHAT_COMPLETIONS);
    }

    /** The URL a scenario's requests are posted to, below the base URL as OpenAI's API paths are below /v1. */
    public URI endpoint(Scenario scenario) {
        String path = switch (scenario) {
            case CHAT_COMPLETIONS, CHAT_COMPLETIONS_NONSTREAM -> "chat/completions";
            case COMPLETIONS -> "completions";
            case EMBEDDINGS -> "embeddings";
            case RESPONSES -> "responses";
        };
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    @Override
    public String toString() {
        return "ChatTarget[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
