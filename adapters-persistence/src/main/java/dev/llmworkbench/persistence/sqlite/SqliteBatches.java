package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchError;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Batches in the tables of migration V004: {@code batches} with their counts and usage, {@code batch_errors},
 * {@code batch_metadata}, {@code batch_lines} and {@code batch_events}. Every statement on them is here or in
 * {@link BatchRows}. A line's answer, its file line and the batch's counts change in one transaction.
 */
public final class SqliteBatches implements Batches {
    private static final String INSERT = "INSERT INTO batches (id, endpoint, model, input_file_id, completion_window, status, "
            + "output_expires_after, created_at, expires_at) VALUES (:id, :endpoint, :model, :input_file_id, :completion_window, "
            + ":status, :output_expires_after, :created_at, :expires_at)";
    private static final String MOVE = "UPDATE batches SET status = :status, model = :model, output_file_id = :output_file_id, "
            + "error_file_id = :error_file_id, in_progress_at = :in_progress_at, finalizing_at = :finalizing_at, "
            + "completed_at = :completed_at, failed_at = :failed_at, expired_at = :expired_at, cancelling_at = :cancelling_at, "
            + "cancelled_at = :cancelled_at WHERE id = :id AND status = :from";
    private static final String SET_TOTAL = "UPDATE batches SET total = :total WHERE id = :id AND status = 'validating'";
    // The counts an event shows are the batch's own, read in the transaction that appends it.
    private static final String EVENT = "INSERT INTO batch_events (batch_id, seq, at, status, total, completed, failed) "
            + "SELECT id, (SELECT coalesce(max(seq), 0) + 1 FROM batch_events WHERE batch_id = :id), :at, status, total, "
            + "completed, failed FROM batches WHERE id = :id";
    private static final String ERROR = "INSERT INTO batch_errors (batch_id, seq, code, message, param, line) "
            + "VALUES (:id, :seq, :code, :message, :param, :line)";
    private static final String METADATA = "INSERT INTO batch_metadata (batch_id, key, value) VALUES (:id, :key, :value)";
    private static final String LINE = "INSERT INTO batch_lines (batch_id, line, custom_id, state) VALUES (:id, :line, :custom_id, 'pending')";
    private static final String ANSWER = "UPDATE batch_lines SET state = :state, output = :output "
            + "WHERE batch_id = :id AND line = :line AND state = 'pending'";
    private static final String COUNT = "UPDATE batches SET completed = completed + :completed, failed = failed + :failed, "
            + "input_tokens = input_tokens + :input, cached_tokens = cached_tokens + :cached, "
            + "output_tokens = output_tokens + :output, reasoning_tokens = reasoning_tokens + :reasoning WHERE id = :id";
    private static final String PENDING = "SELECT line, custom_id FROM batch_lines WHERE batch_id = :id AND state = 'pending' ORDER BY line";
    private static final String ANSWERS = "SELECT output FROM batch_lines WHERE batch_id = :id AND state = :state ORDER BY line";
    private static final String EVENTS = "SELECT seq, at, status, total, completed, failed FROM batch_events WHERE batch_id = :id ORDER BY seq";

    private final Jdbi jdbi;

    public SqliteBatches(SqliteStore store) {
        this.jdbi = store.jdbi();
    }

    @Override
    public void add(Batch batch) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(INSERT).bind("id", batch.id()).bind("endpoint", batch.endpoint().path())
                    .bind("model", batch.model().orElse(null)).bind("input_file_id", batch.inputFileId())
                    .bind("completion_window", batch.window().wire()).bind("status", batch.status().wire())
                    .bind("output_expires_after", batch.outputExpiry().map(e -> e.after().toSeconds()).orElse(null))
                    .bind("created_at", batch.times().createdAt().getEpochSecond())
                    .bind("expires_at", batch.times().expiresAt().getEpochSecond()).execute();
            PreparedBatch metadata = handle.prepareBatch(METADATA);
            batch.metadata().forEach((key, value) -> metadata.bind("id", batch.id()).bind("key", key).bind("value", value).add());
            if (!batch.metadata().isEmpty()) {
                metadata.execute();
            }
            event(handle, batch);
        });
    }

    @Override
    public boolean move(BatchStatus from, Batch next) {
        return jdbi.inTransaction(handle -> moved(handle, from, next));
    }

    @Override
    public boolean start(Batch next, List<PendingLine> lines) {
        return jdbi.inTransaction(handle -> {
            // The total first, so the move's event shows it.
            if (handle.createUpdate(SET_TOTAL).bind("id", next.id()).bind("total", next.counts().total()).execute() == 0
                    || !moved(handle, BatchStatus.VALIDATING, next)) {
                return false;
            }
            PreparedBatch rows = handle.prepareBatch(LINE);
            lines.forEach(line -> rows.bind("id", next.id()).bind("line", line.line()).bind("custom_id", line.customId()).add());
            if (!lines.isEmpty()) {
                rows.execute();
            }
            return true;
        });
    }

    private boolean moved(Handle handle, BatchStatus from, Batch next) {
        int updated = BatchRows.bindTimes(handle.createUpdate(MOVE), next).bind("id", next.id()).bind("from", from.wire())
                .bind("status", next.status().wire()).bind("model", next.model().orElse(null))
                .bind("output_file_id", next.outputFileId().orElse(null))
                .bind("error_file_id", next.errorFileId().orElse(null)).execute();
        if (updated == 0) {
            return false;
        }
        List<BatchError> errors = next.errors();
        if (!errors.isEmpty()) {
            handle.createUpdate("DELETE FROM batch_errors WHERE batch_id = :id").bind("id", next.id()).execute();
            PreparedBatch rows = handle.prepareBatch(ERROR);
            for (int i = 0; i < errors.size(); i++) {
                BatchError error = errors.get(i);
                rows.bind("id", next.id()).bind("seq", i + 1).bind("code", error.code()).bind("message", error.message())
                        .bind("param", error.param().orElse(null))
                        .bind("line", error.line().isPresent() ? error.line().getAsInt() : null).add();
            }
            rows.execute();
        }
        event(handle, next);
        return true;
    }

    private static void event(Handle handle, Batch batch) {
        handle.createUpdate(EVENT).bind("id", batch.id())
                .bind("at", SqliteInstants.format(batch.times().at(batch.status()).orElse(batch.times().createdAt()))).execute();
    }

    @Override
    public Optional<Batch> find(String id) {
        return jdbi.withHandle(handle -> BatchRows.find(handle, id));
    }

    @Override
    public BatchPage list(int limit, Optional<String> after) {
        List<Batch> rows = jdbi.withHandle(handle -> BatchRows.page(handle, limit + 1, after));
        boolean hasMore = rows.size() > limit;
        return new BatchPage(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }

    @Override
    public List<Batch> unfinished() {
        return jdbi.withHandle(BatchRows::unfinished);
    }

    @Override
    public List<PendingLine> pending(String batchId) {
        return jdbi.withHandle(handle -> handle.createQuery(PENDING).bind("id", batchId)
                .map((rs, ctx) -> new PendingLine(rs.getInt("line"), rs.getString("custom_id"))).list());
    }

    @Override
    public int answer(String batchId, List<AnsweredLine> answers) {
        if (answers.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(handle -> {
            int completed = 0;
            int failed = 0;
            BatchUsage usage = BatchUsage.NONE;
            for (AnsweredLine answered : answers) {
                boolean succeeded = answered.answer().succeeded();
                int updated = handle.createUpdate(ANSWER).bind("id", batchId).bind("line", answered.answer().line())
                        .bind("state", succeeded ? "done" : "failed").bind("output", answered.fileLine()).execute();
                if (updated == 1) {
                    completed += succeeded ? 1 : 0;
                    failed += succeeded ? 0 : 1;
                    usage = usage.plus(answered.answer().tokens());
                }
            }
            handle.createUpdate(COUNT).bind("id", batchId).bind("completed", completed).bind("failed", failed)
                    .bind("input", usage.inputTokens()).bind("cached", usage.cachedTokens())
                    .bind("output", usage.outputTokens()).bind("reasoning", usage.reasoningTokens()).execute();
            return completed + failed;
        });
    }

    @Override
    public void forEachAnswer(String batchId, boolean succeeded, Consumer<String> fileLine) {
        jdbi.useHandle(handle -> {
            try (var lines = handle.createQuery(ANSWERS).bind("id", batchId).bind("state", succeeded ? "done" : "failed")
                    .setFetchSize(1_000).mapTo(String.class).stream()) {
                lines.forEach(fileLine);
            }
        });
    }

    @Override
    public List<BatchEvent> events(String batchId) {
        return jdbi.withHandle(handle -> handle.createQuery(EVENTS).bind("id", batchId)
                .map((rs, ctx) -> new BatchEvent(rs.getInt("seq"), SqliteInstants.parse(rs.getString("at")),
                        BatchStatus.fromWire(rs.getString("status")).orElseThrow(),
                        new RequestCounts(rs.getInt("total"), rs.getInt("completed"), rs.getInt("failed")))).list());
    }
}
