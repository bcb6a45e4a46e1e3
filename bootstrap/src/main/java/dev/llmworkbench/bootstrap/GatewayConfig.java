package dev.llmworkbench.bootstrap;

import dev.llmworkbench.domain.gateway.ApiKey;
import dev.llmworkbench.domain.gateway.CircuitPolicy;
import dev.llmworkbench.domain.gateway.Endpoint;
import dev.llmworkbench.domain.gateway.ModelPattern;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.domain.gateway.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's routes from MicroProfile Config: the names in {@code workbench.upstream.routes} (environment
 * variables cannot be enumerated back into dotted names, so the names are listed), then each route's keys under
 * {@code workbench.upstream.<name>.}. Defaults here are the ones the README documents.
 */
@ApplicationScoped
public class GatewayConfig {
    static final long DEFAULT_TIMEOUT_MS = 600_000;
    static final int DEFAULT_MAX_CONCURRENCY = 1024;
    private static final String OPENAI_HOST = "api.openai.com";

    @Inject
    Config config;

    RouteTable routes() {
        List<Route> routes = new ArrayList<>();
        for (String name : config.getOptionalValues("workbench.upstream.routes", String.class).orElse(List.of())) {
            String route = name.strip();
            // The emulator is built in; naming it in the list changes nothing.
            if (!route.isEmpty() && !route.equals(Route.EMULATOR)) {
                routes.add(route(route));
            }
        }
        return new RouteTable(routes);
    }

    /**
     * The route of {@code POST /process-payload/}: the FastAPI integration's {@code ENDPOINT} and {@code API_KEY}
     * (environment variables, read through MicroProfile Config), or empty for the built-in emulator.
     */
    Optional<Route> payloadRoute() {
        Optional<ApiKey> key = config.getOptionalValue("API_KEY", String.class).map(String::strip).filter(k -> !k.isEmpty())
                .map(ApiKey::new);
        Duration timeout = Duration.ofMillis(config.getOptionalValue("workbench.process-payload.timeout-ms", Long.class)
                .orElse(DEFAULT_TIMEOUT_MS));
        return config.getOptionalValue("ENDPOINT", String.class).map(String::strip).filter(e -> !e.isEmpty())
                .map(endpoint -> Endpoint.route("endpoint", endpoint, key, timeout));
    }

    /** A route's circuit breaker: {@code workbench.upstream.<name>.circuit.*}, each key defaulting to the README's value. */
    CircuitPolicy circuit(Route route) {
        String prefix = "workbench.upstream." + route.name() + ".circuit.";
        CircuitPolicy defaults = CircuitPolicy.DEFAULT;
        return new CircuitPolicy(
                config.getOptionalValue(prefix + "failures", Integer.class).orElse(defaults.consecutiveFailures()),
                config.getOptionalValue(prefix + "failure-ratio", Double.class).orElse(defaults.failureRatio()),
                config.getOptionalValue(prefix + "window", Integer.class).orElse(defaults.window()),
                Duration.ofMillis(config.getOptionalValue(prefix + "open-ms", Long.class).orElse(defaults.openFor().toMillis())));
    }

    private Route route(String name) {
        String prefix = "workbench.upstream." + name + ".";
        RouteKind kind = RouteKind.fromConfig(config.getOptionalValue(prefix + "kind", String.class).orElse("openai"));
        Optional<String> configuredUrl = config.getOptionalValue(prefix + "url", String.class).map(String::strip)
                .filter(url -> !url.isEmpty());
        // A collate route with no url batches through this server's own batch server.
        String url = kind == RouteKind.COLLATE ? configuredUrl.orElseGet(() -> ownBase() + "/v1") : configuredUrl
                .orElseThrow(() -> new IllegalStateException("route " + name + " is listed in workbench.upstream.routes but has no "
                        + prefix + "url"));
        return new Route(name, URI.create(url),
                apiKey(prefix, kind, url),
                config.getOptionalValues(prefix + "models", String.class).orElse(List.of()).stream()
                        .map(String::strip).map(ModelPattern::new).toList(),
                Duration.ofMillis(config.getOptionalValue(prefix + "timeout-ms", Long.class).orElse(DEFAULT_TIMEOUT_MS)),
                config.getOptionalValue(prefix + "max-concurrency", Integer.class).orElse(DEFAULT_MAX_CONCURRENCY),
                kind,
                config.getOptionalValue(prefix + "api-version", String.class).map(String::strip));
    }

    /** A collate route to OpenAI with no key of its own takes {@code OPENAI_API_KEY}, as batch-gpt reads it. */
    private Optional<ApiKey> apiKey(String prefix, RouteKind kind, String url) {
        Optional<String> own = config.getOptionalValue(prefix + "api-key", String.class).map(String::strip).filter(k -> !k.isEmpty());
        if (own.isEmpty() && kind == RouteKind.COLLATE && URI.create(url).getHost() != null
                && URI.create(url).getHost().equals(OPENAI_HOST)) {
            own = config.getOptionalValue("OPENAI_API_KEY", String.class).map(String::strip).filter(k -> !k.isEmpty());
        }
        return own.map(ApiKey::new);
    }

    /** This server's root, as the batch server's lines reach it: {@code workbench.batch.base-url}, else loopback on its port. */
    String ownBase() {
        return config.getOptionalValue("workbench.batch.base-url", String.class).map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> "http://localhost:" + config.getOptionalValue("http.port", String.class).orElse("9080"));
    }
}
