package dev.llmworkbench.application.webhooks;

import dev.llmworkbench.application.batch.port.BatchEnded;
import dev.llmworkbench.application.batch.port.BatchNotifier;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.webhooks.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The batch server's webhooks: when a batch ends, one delivery per configured endpoint is stored in the caller's
 * call (the outbox, so none is lost to a crash after it), then handed to the dispatcher, which sends it later.
 */
public final class WebhookNotifier implements BatchNotifier {
    private final List<String> urls;
    private final Webhooks store;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final RandomGenerator random;

    public WebhookNotifier(List<String> urls, Webhooks store, WebhookDispatcher dispatcher, Clock clock, RandomGenerator random) {
        this.urls = List.copyOf(urls);
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void batchEnded(BatchEnded ended) {
        if (urls.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String body = WebhookBody.of(id("evt_"), ended);
        List<Webhook> deliveries = urls.stream()
                .map(url -> Webhook.pending(id("whd_"), ended.batchId(), ended.event(), url, body, now))
                .toList();
        store.add(deliveries);
        deliveries.forEach(dispatcher::schedule);
    }

    /** 144 random bits as 24 URL-safe characters after the prefix. */
    private String id(String prefix) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
