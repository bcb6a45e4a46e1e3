package dev.llmworkbench.persistence.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteDataSource;

/**
 * The workbench's one SQLite database, {@code <data dir>/workbench.db}, shared by every capability that keeps
 * something (load-test runs now; the gateway's completion log, files and batches later), each adding its tables as
 * migrations. Opening it creates the folder and the file and migrates the schema.
 */
public final class SqliteStore implements AutoCloseable {
    public static final String FILE_NAME = "workbench.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Jdbi jdbi;
    // Held open for the store's life: SQLite keeps the WAL index while a connection is open, and the last one to
    // close checkpoints the WAL into the database file, which is what close() is for.
    private final Handle keeper;

    private SqliteStore(Path file, Jdbi jdbi, Handle keeper) {
        this.file = file;
        this.jdbi = jdbi;
        this.keeper = keeper;
    }

    /** Opens (creating it if need be) {@code dataDir/workbench.db} with the workbench's own migrations. */
    public static SqliteStore open(Path dataDir) {
        return open(dataDir, Migrations.fromClasspath(Migrations.WORKBENCH));
    }

    static SqliteStore open(Path dataDir, List<Migration> migrations) {
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + file.getParent(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A deferred transaction that reads, then writes, fails at once with SQLITE_BUSY when another writer got in
        // between, whatever the busy timeout; taking the write lock at BEGIN makes writers queue instead.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // NORMAL is durable across a crash of the process in WAL mode; only a power loss may lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        Jdbi jdbi = Jdbi.create(dataSource);
        Handle keeper = jdbi.open();
        try {
            enterWal(keeper, file);
            new MigrationRunner(migrations, file.toString()).migrate(jdbi);
            // A read maps the WAL index into the keeper, which holds it (and the WAL) until close().
            keeper.createQuery("SELECT count(*) FROM schema_version").mapTo(Integer.class).one();
            return new SqliteStore(file, jdbi, keeper);
        } catch (RuntimeException e) {
            keeper.close();
            throw e;
        }
    }

    /**
     * WAL lets readers (a page of runs) go on while a writer (a running test's snapshot) commits. Switching a new
     * file to it needs the file to itself and SQLite answers SQLITE_BUSY at once, without the busy timeout, when
     * another starter holds it: so a few tries, until the other one is done.
     */
    private static void enterWal(Handle keeper, Path file) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MS);
        while (true) {
            try {
                String mode = keeper.createQuery("PRAGMA journal_mode=WAL").mapTo(String.class).one();
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new IllegalStateException(file + " refused WAL mode (journal_mode stays " + mode + ")");
                }
                return;
            } catch (UnableToExecuteStatementException e) {
                if (!(e.getCause() instanceof SQLiteException busy && busy.getResultCode() == SQLiteErrorCode.SQLITE_BUSY)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Each call opens its own connection, with foreign keys, the busy timeout and IMMEDIATE transactions. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        keeper.close();
    }
}
