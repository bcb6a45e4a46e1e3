package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.loadtest.port.RunPage;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.domain.loadtest.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Load-test runs in the {@code load_test_runs} table (migration V001); every statement on it is here. */
public final class SqliteLoadTestRuns implements LoadTestRuns {
    private static final String COLUMNS = "id, status, plan, result, failure, created_at, started_at, finished_at";
    private static final String INSERT = "INSERT INTO load_test_runs (" + COLUMNS + ") "
            + "VALUES (:id, :status, :plan, :result, :failure, :created_at, :started_at, :finished_at) "
            + "ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE = "UPDATE load_test_runs SET status = :status, plan = :plan, result = :result, "
            + "failure = :failure, created_at = :created_at, started_at = :started_at, finished_at = :finished_at "
            + "WHERE id = :id AND status = :current_status";
    private static final String FIND = "SELECT " + COLUMNS + " FROM load_test_runs WHERE id = :id";
    private static final String NEWEST = "SELECT " + COLUMNS + " FROM load_test_runs "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit";
    // A cursor naming no run makes the row value NULL, the comparison NULL, and so the page empty.
    private static final String AFTER = "SELECT " + COLUMNS + " FROM load_test_runs "
            + "WHERE (created_at, id) < (SELECT created_at, id FROM load_test_runs WHERE id = :after) "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit";
    // max() keeps finished_at from preceding started_at should the clock have stepped back across the restart.
    private static final String INTERRUPT_UNFINISHED = "UPDATE load_test_runs SET status = 'interrupted', "
            + "finished_at = max(:now, coalesce(started_at, created_at)) WHERE status IN ('queued', 'running')";

    private final Jdbi jdbi;

    public SqliteLoadTestRuns(SqliteStore store) {
        this.jdbi = store.jdbi();
    }

    @Override
    public void add(LoadTestRun run) {
        int inserted = jdbi.withHandle(handle -> bindRun(handle.createUpdate(INSERT), run).execute());
        if (inserted == 0) {
            throw new IllegalArgumentException("a load-test run with id " + run.id() + " is already kept");
        }
    }

    @Override
    public boolean update(LoadTestRun current, LoadTestRun next) {
        if (!current.id().equals(next.id())) {
            throw new IllegalArgumentException("update moves one run on: " + current.id() + " is not " + next.id());
        }
        return jdbi.withHandle(handle -> bindRun(handle.createUpdate(UPDATE), next)
                .bind("current_status", current.status().wireName())
                .execute()) == 1;
    }

    @Override
    public Optional<LoadTestRun> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id).map(SqliteLoadTestRuns::run).findOne());
    }

    @Override
    public RunPage list(PageRequest request) {
        // One row more than the page tells whether older runs follow it.
        List<LoadTestRun> rows = jdbi.withHandle(handle -> handle.createQuery(request.after().isPresent() ? AFTER : NEWEST)
                .bind("after", request.after().orElse(null))
                .bind("limit", request.limit() + 1)
                .map(SqliteLoadTestRuns::run)
                .list());
        boolean hasMore = rows.size() > request.limit();
        return new RunPage(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    @Override
    public int interruptUnfinished(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(INTERRUPT_UNFINISHED)
                .bind("now", SqliteInstants.format(now))
                .execute());
    }

    private static <S extends SqlStatement<S>> S bindRun(S statement, LoadTestRun run) {
        return statement.bind("id", run.id())
                .bind("status", run.status().wireName())
                .bind("plan", run.plan())
                .bind("result", run.result().orElse(null))
                .bind("failure", run.failure().orElse(null))
                .bind("created_at", SqliteInstants.format(run.createdAt()))
                .bind("started_at", run.startedAt().map(SqliteInstants::format).orElse(null))
                .bind("finished_at", run.finishedAt().map(SqliteInstants::format).orElse(null));
    }

    private static LoadTestRun run(ResultSet row, StatementContext context) throws SQLException {
        return new LoadTestRun(row.getString("id"), RunStatus.fromWireName(row.getString("status")), row.getString("plan"),
                SqliteInstants.parse(row.getString("created_at")), instant(row, "started_at"), instant(row, "finished_at"),
                Optional.ofNullable(row.getString("result")), Optional.ofNullable(row.getString("failure")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column)).map(SqliteInstants::parse);
    }
}
