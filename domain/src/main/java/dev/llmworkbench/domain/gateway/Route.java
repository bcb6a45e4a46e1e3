package dev.llmworkbench.domain.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One upstream the gateway forwards to: an OpenAI-compatible base URL ending in {@code /v1} (for {@link RouteKind#AZURE}
 * the deployment URL up to the deployment, {@code https://x.openai.azure.com/openai/deployments/gpt4o}), the key that
 * replaces the caller's, the models it serves, how long it may take to answer, and how many requests it may have open.
 */
public record Route(String name, URI url, Optional<ApiKey> apiKey, List<ModelPattern> models, Duration timeout,
                    int maxConcurrency, RouteKind kind, Optional<String> apiVersion) {
    /** The built-in emulator's name: it serves every model no configured route claims. */
    public static final String EMULATOR = "emulator";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public Route {
        if (name == null || !NAME.matcher(name).matches() || name.equals(EMULATOR)) {
            throw new IllegalArgumentException("a route name is lower-case letters, digits, - and _, and not 'emulator': " + name);
        }
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("route " + name + ": url must be an absolute http(s) URL with a host");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("route " + name + ": url must carry no query or fragment (api-version is its own key)");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        models = List.copyOf(models);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("route " + name + ": timeout must be positive");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("route " + name + ": max-concurrency must be at least 1");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (kind == RouteKind.AZURE && apiVersion.isEmpty()) {
            throw new IllegalArgumentException("route " + name + ": an azure route needs an api-version");
        }
    }

    /** The most specific of this route's patterns that matches {@code model}, as its {@link ModelPattern#specificity()}. */
    Optional<Integer> specificityFor(String model) {
        return models.stream().filter(p -> p.matches(model)).map(ModelPattern::specificity).max(Integer::compare);
    }

    /**
     * The URL an OpenAI path goes to: {@code /chat/completions} after the base for OpenAI-style routes; for Azure the
     * same path after the deployment, with its {@code api-version}.
     */
    public URI target(String openAiPath) {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base + openAiPath + apiVersion.map(v -> "?api-version=" + v).orElse(""));
    }
}
