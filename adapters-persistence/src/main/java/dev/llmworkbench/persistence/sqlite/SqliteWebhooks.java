package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.webhooks.port.WebhookDeliveries;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The webhook outbox in the {@code webhooks} and {@code webhook_attempts} tables (migration V005); every statement on them is here. */
public final class SqliteWebhooks implements Webhooks {
    private static final String COLUMNS = "id, batch_id, event, url, body, created_at, state, attempts, next_attempt_at";
    private static final String INSERT = "INSERT INTO webhooks (" + COLUMNS + ") VALUES (:id, :batch_id, :event, :url, :body, "
            + ":created_at, :state, :attempts, :next_attempt_at)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM webhooks WHERE id = :id";
    private static final String PENDING = "SELECT " + COLUMNS + " FROM webhooks WHERE state = 'pending' ORDER BY next_attempt_at";
    private static final String UPDATE = "UPDATE webhooks SET state = :state, attempts = :attempts, "
            + "next_attempt_at = :next_attempt_at WHERE id = :id";
    private static final String INSERT_ATTEMPT = "INSERT INTO webhook_attempts (webhook_id, attempt, at, status_code, error, "
            + "duration_ns) VALUES (:webhook_id, :attempt, :at, :status_code, :error, :duration_ns)";
    private static final String OF_BATCH = "SELECT " + COLUMNS + " FROM webhooks WHERE batch_id = :batch_id ORDER BY created_at, id";
    private static final String ATTEMPTS_OF_BATCH = "SELECT a.webhook_id, a.attempt, a.at, a.status_code, a.error, a.duration_ns "
            + "FROM webhook_attempts a JOIN webhooks w ON w.id = a.webhook_id WHERE w.batch_id = :batch_id ORDER BY a.attempt";

    private final Jdbi jdbi;

    public SqliteWebhooks(SqliteStore store) {
        this.jdbi = store.jdbi();
    }

    @Override
    public void add(List<Webhook> webhooks) {
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (Webhook webhook : webhooks) {
                batch.bind("id", webhook.id())
                        .bind("batch_id", webhook.batchId())
                        .bind("event", webhook.event())
                        .bind("url", webhook.url())
                        .bind("body", webhook.body())
                        .bind("created_at", SqliteInstants.format(webhook.createdAt()))
                        .bind("state", webhook.state().wire())
                        .bind("attempts", webhook.attempts())
                        .bind("next_attempt_at", webhook.nextAttemptAt().map(SqliteInstants::format).orElse(null))
                        .add();
            }
            if (!webhooks.isEmpty()) {
                batch.execute();
            }
        });
    }

    @Override
    public Optional<Webhook> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id).map(SqliteWebhooks::webhook).findOne());
    }

    @Override
    public List<Webhook> pending() {
        return jdbi.withHandle(handle -> handle.createQuery(PENDING).map(SqliteWebhooks::webhook).list());
    }

    @Override
    public void recordAttempt(Webhook after, WebhookAttempt attempt) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(INSERT_ATTEMPT)
                    .bind("webhook_id", after.id())
                    .bind("attempt", attempt.attempt())
                    .bind("at", SqliteInstants.format(attempt.at()))
                    .bind("status_code", attempt.statusCode().isPresent() ? attempt.statusCode().getAsInt() : null)
                    .bind("error", attempt.error().orElse(null))
                    .bind("duration_ns", attempt.duration().toNanos())
                    .execute();
            handle.createUpdate(UPDATE)
                    .bind("id", after.id())
                    .bind("state", after.state().wire())
                    .bind("attempts", after.attempts())
                    .bind("next_attempt_at", after.nextAttemptAt().map(SqliteInstants::format).orElse(null))
                    .execute();
        });
    }

    @Override
    public List<WebhookDeliveries> forBatch(String batchId) {
        return jdbi.withHandle(handle -> {
            List<Webhook> webhooks = handle.createQuery(OF_BATCH).bind("batch_id", batchId).map(SqliteWebhooks::webhook).list();
            Map<String, List<WebhookAttempt>> attempts = handle.createQuery(ATTEMPTS_OF_BATCH).bind("batch_id", batchId)
                    .map((rs, ctx) -> Map.entry(rs.getString("webhook_id"), attempt(rs)))
                    .list().stream()
                    .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return webhooks.stream().map(webhook -> new WebhookDeliveries(webhook, attempts.getOrDefault(webhook.id(), List.of())))
                    .toList();
        });
    }

    private static Webhook webhook(ResultSet rs, StatementContext context) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("batch_id"), rs.getString("event"), rs.getString("url"),
                rs.getString("body"), SqliteInstants.parse(rs.getString("created_at")), WebhookState.fromWire(rs.getString("state")),
                rs.getInt("attempts"), Optional.ofNullable(rs.getString("next_attempt_at")).map(SqliteInstants::parse));
    }

    private static WebhookAttempt attempt(ResultSet rs) throws SQLException {
        int status = rs.getInt("status_code");
        OptionalInt statusCode = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
        return new WebhookAttempt(rs.getInt("attempt"), SqliteInstants.parse(rs.getString("at")), statusCode,
                Optional.ofNullable(rs.getString("error")), Duration.ofNanos(rs.getLong("duration_ns")));
    }
}
