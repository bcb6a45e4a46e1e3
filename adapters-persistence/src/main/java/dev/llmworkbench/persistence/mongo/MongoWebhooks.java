package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import dev.llmworkbench.persistence.SortableInstants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;

/**
 * The webhook outbox in the {@code webhooks} collection: one document a delivery, its attempts an array inside it, so
 * an attempt and the delivery's state after it are written by one update of one document, which MongoDB applies
 * atomically without a transaction.
 */
public final class MongoWebhooks implements Webhooks {
    private static final String ATTEMPTS = "attempt_log";

    private final MongoCollection<Document> webhooks;

    public MongoWebhooks(MongoStore store) {
        this.webhooks = store.database().getCollection("webhooks");
        webhooks.createIndex(Indexes.ascending("state", "next_attempt_at"));
        webhooks.createIndex(Indexes.ascending("batch_id", "created_at", "_id"));
    }

    @Override
    public void add(List<Webhook> added) {
        if (added.isEmpty()) {
            return;
        }
        try {
            webhooks.insertMany(added.stream().map(MongoWebhooks::document).toList());
        } catch (MongoBulkWriteException e) {
            // An ordered insert stops at its first failure, so the deliveries before it are the ones this call kept:
            // taking them back keeps all or none without a transaction (a crash between the two can still keep them).
            int firstFailed = e.getWriteErrors().getFirst().getIndex();
            List<String> kept = added.subList(0, firstFailed).stream().map(Webhook::id).toList();
            if (!kept.isEmpty()) {
                webhooks.deleteMany(in("_id", kept));
            }
            throw new IllegalArgumentException("webhook deliveries not kept: " + e.getWriteErrors().getFirst().getMessage(), e);
        }
    }

    @Override
    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.find(eq("_id", id)).first()).map(MongoWebhooks::webhook);
    }

    @Override
    public List<Webhook> pending() {
        return webhooks.find(eq("state", WebhookState.PENDING.wire())).sort(Sorts.ascending("next_attempt_at", "_id"))
                .map(MongoWebhooks::webhook).into(new ArrayList<>());
    }

    @Override
    public void recordAttempt(Webhook after, WebhookAttempt attempt) {
        webhooks.updateOne(eq("_id", after.id()), Updates.combine(
                Updates.set("state", after.state().wire()),
                Updates.set("attempts", after.attempts()),
                Updates.set("next_attempt_at", after.nextAttemptAt().map(SortableInstants::format).orElse(null)),
                Updates.push(ATTEMPTS, attempt(attempt))));
    }

    @Override
    public List<WebhookDeliveries> forBatch(String batchId) {
        return webhooks.find(eq("batch_id", batchId)).sort(Sorts.ascending("created_at", "_id"))
                .map(document -> new WebhookDeliveries(webhook(document), attempts(document)))
                .into(new ArrayList<>());
    }

    private static Document document(Webhook webhook) {
        return new Document("_id", webhook.id())
                .append("batch_id", webhook.batchId())
                .append("event", webhook.event())
                .append("url", webhook.url())
                .append("body", webhook.body())
                .append("created_at", SortableInstants.format(webhook.createdAt()))
                .append("state", webhook.state().wire())
                .append("attempts", webhook.attempts())
                .append("next_attempt_at", webhook.nextAttemptAt().map(SortableInstants::format).orElse(null))
                .append(ATTEMPTS, List.of());
    }

    private static Document attempt(WebhookAttempt attempt) {
        Document document = new Document("attempt", attempt.attempt())
                .append("at", SortableInstants.format(attempt.at()))
                .append("duration_ns", attempt.duration().toNanos());
        attempt.statusCode().ifPresent(status -> document.append("status_code", status));
        attempt.error().ifPresent(error -> document.append("error", error));
        return document;
    }

    private static Webhook webhook(Document document) {
        return new Webhook(document.getString("_id"), document.getString("batch_id"), document.getString("event"),
                document.getString("url"), document.getString("body"), SortableInstants.parse(document.getString("created_at")),
                WebhookState.fromWire(document.getString("state")), document.get("attempts", Number.class).intValue(),
                Optional.ofNullable(document.getString("next_attempt_at")).map(SortableInstants::parse));
    }

    private static List<WebhookAttempt> attempts(Document document) {
        return document.getList(ATTEMPTS, Document.class, List.of()).stream()
                .map(attempt -> new WebhookAttempt(attempt.get("attempt", Number.class).intValue(),
                        SortableInstants.parse(attempt.getString("at")), statusCode(attempt),
                        Optional.ofNullable(attempt.getString("error")),
                        Duration.ofNanos(attempt.get("duration_ns", Number.class).longValue())))
                .sorted(Comparator.comparingInt(WebhookAttempt::attempt))
                .toList();
    }

    private static OptionalInt statusCode(Document attempt) {
        Number status = attempt.get("status_code", Number.class);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status.intValue());
    }
}
