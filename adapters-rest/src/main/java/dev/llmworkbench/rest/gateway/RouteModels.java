package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.domain.gateway.ModelPattern;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The models each route serves, for {@code GET /v1/models}: the ids its upstream lists that its patterns claim, and
 * its configured exact ids. Lists are fetched with the MicroProfile REST Client and kept for {@code cacheFor}; an
 * upstream that cannot be reached (or answers anything but a list) keeps only its configured ids until the next try,
 * and is reported unreachable (the readiness check calls the gateway degraded, not down). Azure deployments are one
 * model each and list none, so they are not asked.
 */
public final class RouteModels {
    private static final Logger LOG = Logger.getLogger(RouteModels.class.getName());
    /** How long an upstream's list may take; the caller of {@code /v1/models} waits for it. */
    private static final long FETCH_SECONDS = 5;

    /** One route's list as last fetched; {@code reachable} false when the fetch failed. */
    public record Listed(List<String> ids, boolean reachable, Instant at) {
    }

    private final Upstreams upstreams;
    private final Duration cacheFor;
    private final Map<String, UpstreamModelsClient> clients = new LinkedHashMap<>();
    private final Map<String, Listed> listed = new ConcurrentHashMap<>();

    public RouteModels(Upstreams upstreams, Duration cacheFor) {
        this.upstreams = upstreams;
        this.cacheFor = cacheFor;
        for (Upstreams.Upstream upstream : upstreams.all()) {
            Route route = upstream.route();
            if (route.kind() == RouteKind.OPENAI) {
                clients.put(route.name(), client(route, upstreams.via(), upstreams.internal().forTarget(route.url())));
            }
        }
    }

    /** The route's key, the gateway's {@code Via} and, to this server itself, its internal key on each list request. */
    private record Credentials(Route route, String via, Optional<String> internal) implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            route.apiKey().ifPresent(key -> request.getHeaders().putSingle("Authorization", "Bearer " + key.value()));
            request.getHeaders().putSingle("Via", via);
            internal.ifPresent(key -> request.getHeaders().putSingle(InternalKey.HEADER, key));
        }
    }

    private static UpstreamModelsClient client(Route route, String via, Optional<String> internal) {
        return RestClientBuilder.newBuilder().baseUri(route.url())
                .connectTimeout(FETCH_SECONDS, TimeUnit.SECONDS).readTimeout(FETCH_SECONDS, TimeUnit.SECONDS)
                // A route's redirect would carry its key to a host not on workbench.outbound.allow.
                .followRedirects(false)
                .register(new Credentials(route, via, internal)).build(UpstreamModelsClient.class);
    }

    /** Every route's models, in the configured order, each list no older than the cache allows. */
    public Map<String, Listed> all() {
        Instant now = upstreams.clock().instant();
        List<Thread> fetches = new ArrayList<>();
        for (Upstreams.Upstream upstream : upstreams.all()) {
            Listed last = listed.get(upstream.route().name());
            if (last == null || !now.isBefore(last.at().plus(cacheFor))) {
                fetches.add(Thread.ofVirtual().start(() -> listed.put(upstream.route().name(), fetch(upstream.route(), now))));
            }
        }
        for (Thread fetch : fetches) {
            try {
                fetch.join();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Listed> all = new LinkedHashMap<>();
        upstreams.all().forEach(u -> all.put(u.route().name(), listed.get(u.route().name())));
        return all;
    }

    private Listed fetch(Route route, Instant now) {
        List<String> configured = route.models().stream().map(ModelPattern::glob).filter(g -> g.indexOf('*') < 0).toList();
        UpstreamModelsClient client = clients.get(route.name());
        if (client == null) {
            return new Listed(configured, true, now);
        }
        try {
            JsonObject list = Json.createReader(new StringReader(client.list())).readObject();
            Set<String> ids = new LinkedHashSet<>(configured);
            list.getJsonArray("data").stream()
                    .filter(m -> m instanceof JsonObject o && o.get("id") instanceof JsonString)
                    .map(m -> ((JsonObject) m).getString("id"))
                    .filter(id -> route.models().stream().anyMatch(p -> p.matches(id)))
                    .forEach(ids::add);
            return new Listed(List.copyOf(ids), true, now);
        } catch (RuntimeException unreachable) {
            LOG.info(() -> "event=upstream_models_unavailable route=" + route.name() + " type=" + unreachable.getClass().getSimpleName());
            return new Listed(configured, false, now);
        }
    }
}
