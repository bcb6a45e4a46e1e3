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
        String url = config.getOptionalValue(prefix + "url", String.class)
                .orElseThrow(() -> new IllegalStateException("route " + name + " is listed in workbench.upstream.routes but has no "
                        + prefix + "url"));
        return new Route(name, URI.create(url.strip()),
                config.getOptionalValue(prefix + "api-key", String.class).map(String::strip).map(ApiKey::new),
                config.getOptionalValues(prefix + "models", String.class).orElse(List.of()).stream()
                        .map(String::strip).map(ModelPattern::new).toList(),
                Duration.ofMillis(config.getOptionalValue(prefix + "timeout-ms", Long.class).orElse(DEFAULT_TIMEOUT_MS)),
                config.getOptionalValue(prefix + "max-concurrency", Integer.class).orElse(DEFAULT_MAX_CONCURRENCY),
                RouteKind.fromConfig(config.getOptionalValue(prefix + "kind", String.class).orElse("openai")),
                config.getOptionalValue(prefix + "api-version", String.class).map(String::strip));
    }
}
