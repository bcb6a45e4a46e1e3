package dev.llmworkbench.rest.webhooks;

import dev.llmworkbench.application.webhooks.ListWebhooks;
import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/batches/{id}/webhooks}: a batch's webhook deliveries, each with its state and every attempt (time,
 * the receiver's status or why there was none, duration). Neither the secret nor a signature is kept, so none shows.
 */
@Path("/api/batches/{id}/webhooks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    @JsonbNillable
    public record Attempt(int attempt, String at, Integer statusCode, String error, double durationMs) {
    }

    @JsonbNillable
    public record Delivery(String id, String object, String batchId, String event, String url, String state, int attemptCount,
                           String createdAt, String nextAttemptAt, String body, List<Attempt> attempts) {
    }

    public record DeliveryList(String object, List<Delivery> data) {
    }

    @Inject
    ListWebhooks listWebhooks;

    @GET
    public String list(@PathParam("id") String batchId) {
        return JSONB.toJson(new DeliveryList("list", listWebhooks.forBatch(batchId).stream().map(WebhooksResource::delivery).toList()));
    }

    private static Delivery delivery(WebhookDeliveries deliveries) {
        Webhook w = deliveries.webhook();
        return new Delivery(w.id(), "batch.webhook", w.batchId(), w.event(), w.url(), w.state().wire(), w.attempts(),
                w.createdAt().toString(), w.nextAttemptAt().map(Instant::toString).orElse(null), w.body(),
                deliveries.attempts().stream().map(WebhooksResource::attempt).toList());
    }

    private static Attempt attempt(WebhookAttempt a) {
        return new Attempt(a.attempt(), a.at().toString(), a.statusCode().isPresent() ? a.statusCode().getAsInt() : null,
                a.error().orElse(null), a.duration().toNanos() / 1_000_000.0);
    }
}
