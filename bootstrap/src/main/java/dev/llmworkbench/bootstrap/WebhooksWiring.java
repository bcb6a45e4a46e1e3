package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.batch.port.BatchNotifier;
import dev.llmworkbench.application.webhooks.ListWebhooks;
import dev.llmworkbench.application.webhooks.WebhookDispatcher;
import dev.llmworkbench.application.webhooks.WebhookNotifier;
import dev.llmworkbench.application.webhooks.port.WebhookSigner;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.rest.webhooks.HmacWebhookSigner;
import dev.llmworkbench.rest.webhooks.HttpWebhookSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batch server's webhooks: endpoints from {@code workbench.webhooks.url} (comma-separated; none, no webhooks), the
 * secret from {@code workbench.webhooks.secret} or the environment's {@code WEBHOOK_SECRET} (the guide's name; without
 * one, bodies go unsigned), the outbox in the SQLite store, and the dispatcher that retries and resumes at start-up.
 */
@ApplicationScoped
public class WebhooksWiring {
    private static final Logger LOG = Logger.getLogger(WebhooksWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.webhooks.url")
    Optional<List<String>> urls;

    @Inject
    @ConfigProperty(name = "workbench.webhooks.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "WEBHOOK_SECRET")
    Optional<String> guideSecret;

    @Inject
    @ConfigProperty(name = "workbench.webhooks.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "workbench.webhooks.base-delay-ms", defaultValue = "2000")
    long baseDelayMs;

    @Inject
    @ConfigProperty(name = "workbench.webhooks.timeout-ms", defaultValue = "10000")
    long timeoutMs;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-timer").daemon(true).factory());

    @Produces
    @Singleton
    HttpWebhookSender sender() {
        return new HttpWebhookSender(Duration.ofMillis(timeoutMs));
    }

    void close(@Disposes HttpWebhookSender sender) {
        sender.close();
    }

    @Produces
    @Singleton
    WebhookDispatcher dispatcher(Webhooks webhooks, HttpWebhookSender sender) {
        Optional<WebhookSigner> signature = secret.or(() -> guideSecret).filter(s -> !s.isEmpty()).map(HmacWebhookSigner::new);
        return new WebhookDispatcher(webhooks, sender, signature, maxAttempts, Duration.ofMillis(baseDelayMs),
                Clock.systemUTC(), timer, Thread.ofVirtual().name("webhook-", 0).factory());
    }

    @Produces
    @Singleton
    BatchNotifier notifier(Webhooks webhooks, WebhookDispatcher dispatcher) {
        List<String> endpoints = urls.orElse(List.of()).stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
        endpoints.forEach(WebhooksWiring::checkUrl);
        LOG.info(() -> "event=webhooks_configured endpoints=" + endpoints.size() + " signed="
                + secret.or(() -> guideSecret).filter(s -> !s.isEmpty()).isPresent());
        return new WebhookNotifier(endpoints, webhooks, dispatcher, Clock.systemUTC(), new SecureRandom());
    }

    @Produces
    @Singleton
    ListWebhooks listWebhooks(Webhooks webhooks) {
        return new ListWebhooks(webhooks);
    }

    /** Deliveries a stop cut short are tried again, each when it was due. */
    void resumeAtStartup(@Observes Startup startup, WebhookDispatcher dispatcher) {
        int resumed = dispatcher.resume();
        LOG.info(() -> "event=webhooks_resumed pending=" + resumed);
    }

    void stopAtShutdown(@Observes Shutdown shutdown) {
        timer.shutdownNow();
    }

    private static void checkUrl(String url) {
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("workbench.webhooks.url: not an http(s) URL: " + uri.getScheme() + "://" + uri.getHost());
        }
    }
}
