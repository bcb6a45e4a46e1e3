package dev.llmworkbench.bootstrap;

import dev.llmworkbench.rest.auth.AccessPolicy;
import dev.llmworkbench.rest.auth.ApiKeys;
import dev.llmworkbench.rest.auth.InternalKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access control from configuration: {@code workbench.auth.api-keys} (comma-separated, or {@code file:/path}),
 * {@code workbench.auth.requests-per-minute}, and this process's internal key for its calls to itself on
 * {@code http.port}. The start-up log says whether the server is open; it never shows a key.
 */
@ApplicationScoped
public class AccessWiring {
    private static final Logger LOG = Logger.getLogger(AccessWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.auth.api-keys")
    Optional<String> apiKeys;

    @Inject
    @ConfigProperty(name = "workbench.auth.requests-per-minute", defaultValue = "0")
    long requestsPerMinute;

    @Inject
    Config config;

    @Produces
    @Singleton
    InternalKey internalKey() {
        return new InternalKey(new SecureRandom(), config.getOptionalValue("http.port", Integer.class).orElse(9080));
    }

    @Produces
    @Singleton
    AccessPolicy policy(InternalKey internal) {
        ApiKeys keys = apiKeys.filter(setting -> !setting.isBlank()).map(ApiKeys::parse).orElseGet(ApiKeys::none);
        return new AccessPolicy(keys, internal, requestsPerMinute);
    }

    void announce(@Observes Startup startup, AccessPolicy policy) {
        if (policy.isOpen()) {
            LOG.warning(() -> "event=auth_off The server is OPEN: workbench.auth.api-keys is not set, so every endpoint answers"
                    + " without an API key. requests_per_minute=" + policy.requestsPerMinute());
        } else {
            LOG.info(() -> "event=auth_on keys=" + policy.keys().size() + " requests_per_minute=" + policy.requestsPerMinute()
                    + " open_paths=/health/*,/metrics,/vllm/metrics,page files");
        }
    }
}
