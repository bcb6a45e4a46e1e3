package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchTimes;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.CompletionWindow;
import dev.llmworkbench.domain.batch.OutputExpiry;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Reading batches back from their rows (times are Unix seconds, as the API shows them), and binding their times. */
final class BatchRows {
    private static final String COLUMNS = "id, endpoint, model, input_file_id, completion_window, status, output_file_id, "
            + "error_file_id, output_expires_after, created_at, in_progress_at, expires_at, finalizing_at, completed_at, "
            + "failed_at, expired_at, cancelling_at, cancelled_at, total, completed, failed, input_tokens, cached_tokens, "
            + "output_tokens, reasoning_tokens";
    private static final String FIND = "SELECT " + COLUMNS + " FROM batches WHERE id = :id";
    // Newest first; rowid orders batches created within the same second as they were created.
    private static final String PAGE = "SELECT " + COLUMNS + " FROM batches WHERE :after IS NULL "
            + "OR (created_at, rowid) < (SELECT created_at, rowid FROM batches WHERE id = :after) "
            + "ORDER BY created_at DESC, rowid DESC LIMIT :limit";
    private static final String UNFINISHED = "SELECT " + COLUMNS + " FROM batches "
            + "WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling') ORDER BY created_at, rowid";
    private static final Map<BatchStatus, String> TIME_COLUMNS = Map.of(BatchStatus.IN_PROGRESS, "in_progress_at",
            BatchStatus.FINALIZING, "finalizing_at", BatchStatus.COMPLETED, "completed_at", BatchStatus.FAILED, "failed_at",
            BatchStatus.EXPIRED, "expired_at", BatchStatus.CANCELLING, "cancelling_at", BatchStatus.CANCELLED, "cancelled_at");

    private BatchRows() {
    }

    static Update bindTimes(Update update, Batch batch) {
        TIME_COLUMNS.forEach((status, column) -> update.bind(column, batch.times().at(status).map(Instant::getEpochSecond).orElse(null)));
        return update;
    }

    static Optional<Batch> find(Handle handle, String id) {
        return handle.createQuery(FIND).bind("id", id).map((rs, ctx) -> row(rs)).findOne().map(b -> complete(handle, b));
    }

    static List<Batch> page(Handle handle, int limit, Optional<String> after) {
        return handle.createQuery(PAGE).bind("after", after.orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list().stream().map(b -> complete(handle, b)).toList();
    }

    static List<Batch> unfinished(Handle handle) {
        return handle.createQuery(UNFINISHED).map((rs, ctx) -> row(rs)).list().stream().map(b -> complete(handle, b)).toList();
    }

    /** The batch with its errors and metadata, kept in their own tables. */
    private static Batch complete(Handle handle, Batch batch) {
        List<BatchError> errors = handle.createQuery("SELECT code, message, param, line FROM batch_errors WHERE batch_id = :id ORDER BY seq")
                .bind("id", batch.id())
                .map((rs, ctx) -> new BatchError(rs.getString("code"), rs.getString("message"),
                        Optional.ofNullable(rs.getString("param")), line(rs)))
                .list();
        Map<String, String> metadata = handle.createQuery("SELECT key, value FROM batch_metadata WHERE batch_id = :id")
                .bind("id", batch.id())
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Batch(batch.id(), batch.endpoint(), batch.inputFileId(), batch.window(), batch.status(), batch.times(),
                batch.model(), batch.counts(), batch.usage(), errors, batch.outputFileId(), batch.errorFileId(), metadata,
                batch.outputExpiry());
    }

    private static Batch row(ResultSet rs) throws SQLException {
        Map<BatchStatus, Instant> entered = new EnumMap<>(BatchStatus.class);
        for (Map.Entry<BatchStatus, String> time : TIME_COLUMNS.entrySet()) {
            long seconds = rs.getLong(time.getValue());
            if (!rs.wasNull()) {
                entered.put(time.getKey(), Instant.ofEpochSecond(seconds));
            }
        }
        long expirySeconds = rs.getLong("output_expires_after");
        Optional<OutputExpiry> expiry = rs.wasNull() ? Optional.empty() : Optional.of(new OutputExpiry(Duration.ofSeconds(expirySeconds)));
        return new Batch(rs.getString("id"), BatchEndpoint.fromPath(rs.getString("endpoint")).orElseThrow(),
                rs.getString("input_file_id"), CompletionWindow.parse(rs.getString("completion_window")),
                BatchStatus.fromWire(rs.getString("status")).orElseThrow(),
                new BatchTimes(Instant.ofEpochSecond(rs.getLong("created_at")), Instant.ofEpochSecond(rs.getLong("expires_at")), entered),
                Optional.ofNullable(rs.getString("model")),
                new RequestCounts(rs.getInt("total"), rs.getInt("completed"), rs.getInt("failed")),
                new BatchUsage(rs.getLong("input_tokens"), rs.getLong("cached_tokens"), rs.getLong("output_tokens"),
                        rs.getLong("reasoning_tokens")),
                List.of(), Optional.ofNullable(rs.getString("output_file_id")), Optional.ofNullable(rs.getString("error_file_id")),
                Map.of(), expiry);
    }

    private static OptionalInt line(ResultSet rs) throws SQLException {
        int line = rs.getInt("line");
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(line);
    }
}
