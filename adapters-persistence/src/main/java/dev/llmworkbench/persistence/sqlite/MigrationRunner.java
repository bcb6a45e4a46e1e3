package dev.llmworkbench.persistence.sqlite;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.Codes;
import org.sqlite.core.DB;

/**
 * Brings a database to the schema the code knows: applies each pending migration in its own transaction, recording
 * it in {@code schema_version}. Every transaction of the store begins IMMEDIATE, taking SQLite's write lock first,
 * so of two processes starting on one file the second waits, then finds the first one's work recorded and skips it.
 */
final class MigrationRunner {
    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                checksum   TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT""";

    private final List<Migration> migrations;
    private final String database;

    /** @param database how the messages name the file, so an operator knows which one to look at */
    MigrationRunner(List<Migration> migrations, String database) {
        this.migrations = List.copyOf(migrations);
        this.database = database;
    }

    /** @return how many migrations this call applied */
    int migrate(Jdbi jdbi) {
        int applied = 0;
        while (jdbi.inTransaction(this::applyNext)) {
            applied++;
        }
        return applied;
    }

    private boolean applyNext(Handle handle) {
        handle.execute(CREATE_VERSION_TABLE);
        Map<Integer, AppliedMigration> applied = handle.createQuery("SELECT version, name, checksum FROM schema_version")
                .map((rs, ctx) -> new AppliedMigration(rs.getInt("version"), rs.getString("name"), rs.getString("checksum")))
                .stream()
                .collect(Collectors.toMap(AppliedMigration::version, m -> m));
        refuseUnknownOrChanged(applied);
        for (Migration migration : migrations) {
            if (!applied.containsKey(migration.version())) {
                runScript(handle, migration);
                handle.createUpdate("INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")
                        .bind(0, migration.version())
                        .bind(1, migration.name())
                        .bind(2, migration.checksum())
                        .bind(3, SqliteInstants.format(Instant.now()))
                        .execute();
                return true;
            }
        }
        return false;
    }

    private void runScript(Handle handle, Migration migration) {
        try {
            // sqlite3_exec runs the whole script as the sqlite3 shell would, triggers included; JDBC statements run
            // only a script's first statement.
            DB sqlite = handle.getConnection().unwrap(SQLiteConnection.class).getDatabase();
            int code = sqlite._exec(migration.sql());
            if (code != Codes.SQLITE_OK) {
                sqlite.throwex(code);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": migration " + migration.fileName() + " failed, nothing of it kept: "
                    + e.getMessage(), e);
        }
    }

    private void refuseUnknownOrChanged(Map<Integer, AppliedMigration> applied) {
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > migrations.size()) {
            throw new IllegalStateException(database + " has schema version " + newest + " but this build knows versions up to "
                    + migrations.size() + ": it was written by a newer workbench; run that one, or point workbench.data.dir elsewhere");
        }
        for (Migration migration : migrations) {
            AppliedMigration done = applied.get(migration.version());
            if (done != null && (!done.name().equals(migration.name()) || !done.checksum().equals(migration.checksum()))) {
                throw new IllegalStateException(database + ": migration " + migration.fileName() + " differs from the V"
                        + migration.version() + " (" + done.name() + ") applied to it (checksum " + done.checksum()
                        + "); an applied migration must never change: restore it and add the change as a new migration");
            }
        }
    }

    private record AppliedMigration(int version, String name, String checksum) {
    }
}
