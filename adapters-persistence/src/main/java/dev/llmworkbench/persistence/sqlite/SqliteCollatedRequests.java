package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollateState;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Collated requests and the batch status log in the tables of migration V007; every statement on them is here. */
public final class SqliteCollatedRequests implements CollatedRequests {
    private static final String COLUMNS = "id, route, model, request_hash, body, mode, custom_id, state, batch_id, answer_status, "
            + "answer_body, failure_status, failure_type, failure_code, failure_message, created_at, finished_at";
    private static final String INSERT = "INSERT INTO collated_requests (" + COLUMNS + ") VALUES (:id, :route, :model, "
            + ":request_hash, :body, :mode, :custom_id, :state, :batch_id, :answer_status, :answer_body, :failure_status, "
            + ":failure_type, :failure_code, :failure_message, :created_at, :finished_at)";
    // Every column is set (the unchanging ones to what they were) so one binding serves both statements.
    private static final String UPDATE = "UPDATE collated_requests SET route = :route, model = :model, request_hash = :request_hash, "
            + "body = :body, mode = :mode, custom_id = :custom_id, created_at = :created_at, state = :state, batch_id = :batch_id, "
            + "answer_status = :answer_status, answer_body = :answer_body, failure_status = :failure_status, "
            + "failure_type = :failure_type, failure_code = :failure_code, failure_message = :failure_message, "
            + "finished_at = :finished_at WHERE id = :id";
    private static final String FIND = "SELECT " + COLUMNS + " FROM collated_requests WHERE id = :id";
    private static final String ANSWERED = "SELECT " + COLUMNS + " FROM collated_requests WHERE request_hash = :request_hash "
            + "AND state = 'answered' AND answer_status BETWEEN 200 AND 299 ORDER BY finished_at DESC LIMIT 1";
    private static final String SUBMITTED = "SELECT " + COLUMNS + " FROM collated_requests WHERE state = 'submitted' "
            + "ORDER BY created_at, id";
    private static final String APPEND = "INSERT INTO collate_batch_status (batch_id, route, at, status, total, completed, failed) "
            + "VALUES (:batch_id, :route, :at, :status, :total, :completed, :failed)";
    private static final String LOG = "SELECT batch_id, route, at, status, total, completed, failed FROM collate_batch_status "
            + "WHERE batch_id = :batch_id ORDER BY seq";

    private static final String BATCHES = "SELECT batch_id, route, at, status, total, completed, failed FROM collate_batch_status "
            + "WHERE seq IN (SELECT min(seq) FROM collate_batch_status GROUP BY batch_id) ORDER BY seq DESC LIMIT :limit";

    private final Jdbi jdbi;

    public SqliteCollatedRequests(SqliteStore store) {
        this.jdbi = store.jdbi();
    }

    @Override
    public void addAll(List<CollatedRequest> requests) {
        write(INSERT, requests);
    }

    @Override
    public void updateAll(List<CollatedRequest> requests) {
        write(UPDATE, requests);
    }

    private void write(String sql, List<CollatedRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(sql);
            for (CollatedRequest request : requests) {
                batch.bind("id", request.id())
                        .bind("route", request.route())
                        .bind("model", request.model())
                        .bind("request_hash", request.requestHash())
                        .bind("body", request.body())
                        .bind("mode", request.mode().wire())
                        .bind("custom_id", request.customId())
                        .bind("state", request.state().wire())
                        .bind("batch_id", request.batchId().orElse(null))
                        .bind("answer_status", request.answer().map(CollatedAnswer::status).orElse(null))
                        .bind("answer_body", request.answer().map(CollatedAnswer::body).orElse(null))
                        .bind("failure_status", request.failure().map(CollateFailure::status).orElse(null))
                        .bind("failure_type", request.failure().map(CollateFailure::type).orElse(null))
                        .bind("failure_code", request.failure().map(CollateFailure::code).orElse(null))
                        .bind("failure_message", request.failure().map(CollateFailure::message).orElse(null))
                        .bind("created_at", SqliteInstants.format(request.createdAt()))
                        .bind("finished_at", request.finishedAt().map(SqliteInstants::format).orElse(null))
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<CollatedRequest> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id).map(SqliteCollatedRequests::request).findOne());
    }

    @Override
    public Optional<CollatedRequest> answered(String requestHash) {
        return jdbi.withHandle(handle -> handle.createQuery(ANSWERED).bind("request_hash", requestHash)
                .map(SqliteCollatedRequests::request).findOne());
    }

    @Override
    public List<CollatedRequest> submitted() {
        return jdbi.withHandle(handle -> handle.createQuery(SUBMITTED).map(SqliteCollatedRequests::request).list());
    }

    @Override
    public void appendStatus(CollateStatusEntry entry) {
        jdbi.useHandle(handle -> handle.createUpdate(APPEND)
                .bind("batch_id", entry.batchId())
                .bind("route", entry.route())
                .bind("at", SqliteInstants.format(entry.at()))
                .bind("status", entry.status().wire())
                .bind("total", entry.counts().total())
                .bind("completed", entry.counts().completed())
                .bind("failed", entry.counts().failed())
                .execute());
    }

    @Override
    public List<CollateStatusEntry> batches(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(BATCHES).bind("limit", limit).map(SqliteCollatedRequests::entry).list());
    }

    @Override
    public List<CollateStatusEntry> statusLog(String batchId) {
        return jdbi.withHandle(handle -> handle.createQuery(LOG).bind("batch_id", batchId).map(SqliteCollatedRequests::entry).list());
    }

    private static CollateStatusEntry entry(ResultSet rs, StatementContext context) throws SQLException {
        return new CollateStatusEntry(rs.getString("batch_id"), rs.getString("route"), SqliteInstants.parse(rs.getString("at")),
                BatchStatus.fromWire(rs.getString("status")).orElseThrow(),
                new RequestCounts(rs.getInt("total"), rs.getInt("completed"), rs.getInt("failed")));
    }

    private static CollatedRequest request(ResultSet rs, StatementContext context) throws SQLException {
        int answerStatus = rs.getInt("answer_status");
        Optional<CollatedAnswer> answer = rs.wasNull() ? Optional.empty() : Optional.of(new CollatedAnswer(answerStatus, rs.getString("answer_body")));
        int failureStatus = rs.getInt("failure_status");
        Optional<CollateFailure> failure = rs.wasNull() ? Optional.empty() : Optional.of(new CollateFailure(failureStatus,
                rs.getString("failure_type"), rs.getString("failure_code"), rs.getString("failure_message")));
        return new CollatedRequest(rs.getString("id"), rs.getString("route"), rs.getString("model"), rs.getString("request_hash"),
                rs.getString("body"), CollateMode.fromWire(rs.getString("mode")).orElseThrow(), rs.getString("custom_id"),
                CollateState.fromWire(rs.getString("state")).orElseThrow(), Optional.ofNullable(rs.getString("batch_id")), answer,
                failure, SqliteInstants.parse(rs.getString("created_at")),
                Optional.ofNullable(rs.getString("finished_at")).map(SqliteInstants::parse));
    }
}
