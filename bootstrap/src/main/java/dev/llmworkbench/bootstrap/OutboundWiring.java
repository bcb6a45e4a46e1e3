package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.outbound.OutboundCheck;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.outbound.OutboundPolicy;
import dev.llmworkbench.rest.outbound.DnsHostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * {@code workbench.outbound.allow}: where the server may send requests. Without it, loopback and the hosts the
 * configuration names itself (upstream routes, {@code ENDPOINT}, webhook URLs, the batch and load-test targets). Every
 * configured target is checked at start-up and one outside the list stops the start, naming its key: a route that
 * could never be called is a configuration mistake, found before the first request rather than at it.
 */
@ApplicationScoped
public class OutboundWiring {
    private static final Logger LOG = Logger.getLogger(OutboundWiring.class.getName());

    @Inject
    Config config;

    @Inject
    GatewayConfig gateway;

    @Produces
    @Singleton
    OutboundCheck outboundCheck() {
        Optional<String> allow = config.getOptionalValue(OutboundCheck.KEY, String.class).filter(list -> !list.isBlank());
        OutboundPolicy policy = allow.map(OutboundPolicy::parse)
                .orElseGet(() -> OutboundPolicy.defaults(configuredTargets().stream().map(target -> target.getValue().getHost())
                        .filter(Objects::nonNull).toList()));
        LOG.info(() -> "event=outbound_allow source=" + (allow.isPresent() ? OutboundCheck.KEY : "default") + " rules=" + policy.rules().size());
        return new OutboundCheck(policy, new DnsHostResolver());
    }

    void checkConfiguredTargets(@Observes Startup startup, OutboundCheck check) {
        for (Map.Entry<String, URI> target : configuredTargets()) {
            try {
                check.configuredTarget(target.getValue(), target.getKey());
            } catch (IllegalStateException refused) {
                LOG.severe(() -> "event=outbound_refused key=" + target.getKey() + " reason=not_in_outbound_allow");
                throw refused;
            }
        }
    }

    /** Each configured target with the key that names it. */
    private List<Map.Entry<String, URI>> configuredTargets() {
        List<Map.Entry<String, URI>> targets = new ArrayList<>();
        for (Route route : gateway.routes().routes()) {
            targets.add(Map.entry("workbench.upstream." + route.name() + ".url", route.url()));
        }
        gateway.payloadRoute().ifPresent(route -> targets.add(Map.entry("ENDPOINT", route.url())));
        for (String key : List.of("workbench.webhooks.url", "workbench.batch.base-url", "workbench.loadtest.default-host")) {
            config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::strip).filter(url -> !url.isEmpty())
                    .forEach(url -> targets.add(Map.entry(key, URI.create(url))));
        }
        return targets;
    }
}
