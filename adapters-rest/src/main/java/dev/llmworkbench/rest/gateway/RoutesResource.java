package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.gateway.ModelPattern;
import dev.llmworkbench.domain.gateway.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/routes}: each upstream route as configured (its URL without any credentials in it, never its key)
 * with its circuit's state and its live counters, then the built-in emulator, which serves every model no route claims.
 */
@Path("/api/routes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {
    /**
     * @param circuit  {@code closed}, {@code open} or {@code half_open}
     * @param inFlight requests the route has open now
     * @param requests calls sent to it since the server started
     * @param failures of those, the ones its circuit breaker counted as failed
     */
    @JsonbNillable
    public record RouteJson(String name, String kind, String url, List<String> models, Long timeoutMs, Integer maxConcurrency,
                            String circuit, Integer inFlight, Long requests, Long failures) {
    }

    public record RouteList(String object, List<RouteJson> data) {
    }

    @Inject
    Upstreams upstreams;

    @GET
    public String list() {
        Instant now = upstreams.clock().instant();
        List<RouteJson> routes = new ArrayList<>();
        for (Upstreams.Upstream upstream : upstreams.all()) {
            Route route = upstream.route();
            routes.add(new RouteJson(route.name(), route.kind().name().toLowerCase(Locale.ROOT), withoutUserInfo(route.url()),
                    route.models().stream().map(ModelPattern::glob).toList(), route.timeout().toMillis(), route.maxConcurrency(),
                    upstream.circuit().state(now).name().toLowerCase(Locale.ROOT), upstream.inFlight(), upstream.requests().sum(),
                    upstream.failures().sum()));
        }
        routes.add(new RouteJson(Route.EMULATOR, "emulator", null, List.of("*"), null, null, null, null, null, null));
        return CompletionJson.write(new RouteList("list", routes));
    }

    private static String withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
