package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.domain.gateway.Completion.UsageSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The completion log in the {@code completions} table (migration V002); every statement on it is here. */
public final class SqliteCompletionLog implements CompletionLog {
    private static final String COLUMNS = "id, message, completion_id, model_used, created_timestamp, content, prompt_tokens, "
            + "completion_tokens, total_tokens, model, route, endpoint, created_at, ttft_ns, latency_ns, stream, status, error, usage_source";
    private static final String INSERT = "INSERT INTO completions (" + COLUMNS + ") VALUES (:id, :message, :completion_id, "
            + ":model_used, :created_timestamp, :content, :prompt_tokens, :completion_tokens, :total_tokens, :model, :route, "
            + ":endpoint, :created_at, :ttft_ns, :latency_ns, :stream, :status, :error, :usage_source) ON CONFLICT (id) DO NOTHING";
    private static final String FIND = "SELECT " + COLUMNS + " FROM completions WHERE id = :id";
    // Each filter is off when its parameter is NULL, so one statement serves every combination.
    // A cursor naming no row makes the row value NULL, the comparison NULL, and so the page empty.
    private static final String PAGE = "SELECT " + COLUMNS + " FROM completions WHERE "
            + "(:model IS NULL OR model = :model) AND (:route IS NULL OR route = :route) "
            + "AND (:status IS NULL OR status = :status) AND (:since IS NULL OR created_at >= :since) "
            + "AND (:until IS NULL OR created_at < :until) "
            + "AND (:after IS NULL OR (created_at, id) < (SELECT created_at, id FROM completions WHERE id = :after)) "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit";
    private static final String USAGE = "SELECT substr(created_at, 1, 10) AS day, model, route, count(*) AS requests, "
            + "coalesce(sum(prompt_tokens), 0) AS prompt, coalesce(sum(completion_tokens), 0) AS completion, "
            + "coalesce(sum(total_tokens), 0) AS total FROM completions GROUP BY day, model, route "
            + "ORDER BY day DESC, model, route";

    private static final String DELETE_BEFORE = "DELETE FROM completions WHERE created_at < :cutoff";

    private final Jdbi jdbi;

    public SqliteCompletionLog(SqliteStore store) {
        this.jdbi = store.jdbi();
    }

    @Override
    public void append(List<Completion> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (Completion row : rows) {
                bind(batch, row).add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<Completion> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id).map(SqliteCompletionLog::row).findOne());
    }

    @Override
    public CompletionPage list(CompletionQuery query) {
        // One row more than the page tells whether older rows follow it.
        List<Completion> rows = jdbi.withHandle(handle -> bind(handle.createQuery(PAGE), query)
                .map(SqliteCompletionLog::row)
                .list());
        boolean hasMore = rows.size() > query.limit();
        return new CompletionPage(hasMore ? rows.subList(0, query.limit()) : rows, hasMore);
    }

    @Override
    public List<UsageRow> usage() {
        return jdbi.withHandle(handle -> handle.createQuery(USAGE)
                .map((rs, ctx) -> new UsageRow(LocalDate.parse(rs.getString("day")), rs.getString("model"), rs.getString("route"),
                        rs.getLong("requests"), rs.getLong("prompt"), rs.getLong("completion"), rs.getLong("total")))
                .list());
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE_BEFORE).bind("cutoff", SqliteInstants.format(cutoff)).execute());
    }

    private static Query bind(Query statement, CompletionQuery query) {
        return statement.bind("model", query.model().orElse(null))
                .bind("route", query.route().orElse(null))
                .bind("status", query.status().isPresent() ? query.status().getAsInt() : null)
                .bind("since", query.since().map(SqliteInstants::format).orElse(null))
                .bind("until", query.until().map(SqliteInstants::format).orElse(null))
                .bind("after", query.after().orElse(null))
                .bind("limit", query.limit() + 1);
    }

    private static PreparedBatch bind(PreparedBatch batch, Completion row) {
        return batch.bind("id", row.id())
                .bind("message", row.messages())
                .bind("completion_id", row.completionId().orElse(null))
                .bind("model_used", row.modelUsed().orElse(null))
                .bind("created_timestamp", row.created().getEpochSecond())
                .bind("content", row.content().orElse(null))
                .bind("prompt_tokens", boxed(row.tokens().prompt()))
                .bind("completion_tokens", boxed(row.tokens().completion()))
                .bind("total_tokens", boxed(row.tokens().total()))
                .bind("model", row.model())
                .bind("route", row.route())
                .bind("endpoint", row.endpoint())
                .bind("created_at", SqliteInstants.format(row.created()))
                .bind("ttft_ns", row.ttft().map(Duration::toNanos).orElse(null))
                .bind("latency_ns", row.latency().toNanos())
                .bind("stream", row.stream() ? 1 : 0)
                .bind("status", row.status())
                .bind("error", row.error().orElse(null))
                .bind("usage_source", source(row.tokens().source()));
    }

    private static String source(UsageSource source) {
        return source == UsageSource.NONE ? null : source.name().toLowerCase(Locale.ROOT);
    }

    private static UsageSource source(String column) {
        return column == null ? UsageSource.NONE : UsageSource.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static Integer boxed(OptionalInt count) {
        return count.isPresent() ? count.getAsInt() : null;
    }

    private static Completion row(ResultSet rs, StatementContext context) throws SQLException {
        return new Completion(rs.getString("id"), Optional.ofNullable(rs.getString("completion_id")),
                SqliteInstants.parse(rs.getString("created_at")), rs.getString("model"),
                Optional.ofNullable(rs.getString("model_used")), rs.getString("route"), rs.getString("endpoint"),
                rs.getString("message"), Optional.ofNullable(rs.getString("content")),
                new Completion.TokenCounts(count(rs, "prompt_tokens"), count(rs, "completion_tokens"), count(rs, "total_tokens"),
                        source(rs.getString("usage_source"))),
                nanos(rs, "ttft_ns"),
                Duration.ofNanos(rs.getLong("latency_ns")), rs.getInt("stream") == 1, rs.getInt("status"),
                Optional.ofNullable(rs.getString("error")));
    }

    private static Optional<Duration> nanos(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofNanos(value));
    }

    private static OptionalInt count(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
