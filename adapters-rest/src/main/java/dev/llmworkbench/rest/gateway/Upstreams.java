package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteTable;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One configured HTTP client per upstream route, kept for the server's life (pooled keep-alive connections), and the
 * permits of each route's {@code max-concurrency}.
 */
public final class Upstreams implements AutoCloseable {
    record Upstream(Route route, HttpClient client, Semaphore permits) {
    }

    private final RouteTable routes;
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    public Upstreams(RouteTable routes) {
        this.routes = routes;
        for (Route route : routes.routes()) {
            HttpClient client = HttpClient.newBuilder()
                    // Plain http upstreams would otherwise get an h2c upgrade attempt on every new connection.
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(route.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? route.timeout() : Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            byName.put(route.name(), new Upstream(route, client, new Semaphore(route.maxConcurrency())));
        }
    }

    public RouteTable routes() {
        return routes;
    }

    Upstream upstream(Route route) {
        return byName.get(route.name());
    }

    @Override
    public void close() {
        byName.values().forEach(u -> u.client().shutdownNow());
    }
}
