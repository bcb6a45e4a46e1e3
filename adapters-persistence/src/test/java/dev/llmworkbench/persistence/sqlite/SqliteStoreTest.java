package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    private static final Migration FIRST = new Migration(1, "first", "CREATE TABLE first (x INTEGER);");
    private static final Migration SECOND = new Migration(2, "second", """
            CREATE TABLE second (id INTEGER PRIMARY KEY, first_x INTEGER);
            CREATE TABLE second_log (id INTEGER);
            -- a trigger's body holds semicolons of its own, so the script must run whole, not split at each one
            CREATE TRIGGER second_logged AFTER INSERT ON second BEGIN
                INSERT INTO second_log (id) VALUES (new.id);
                INSERT INTO second_log (id) VALUES (new.id + 1000);
            END;
            """);

    @TempDir
    Path dataDir;

    private <T> T query(SqliteStore store, Function<Handle, T> query) {
        return store.jdbi().withHandle(query::apply);
    }

    private static List<String> versions(Handle handle) {
        return handle.createQuery("SELECT version || ' ' || name || ' ' || checksum FROM schema_version ORDER BY version")
                .mapTo(String.class).list();
    }

    @Test
    void createsTheDataDirectoryAndTheFileWithEveryWorkbenchMigrationRecorded() {
        Path nested = dataDir.resolve("a/b");
        try (SqliteStore store = SqliteStore.open(nested)) {
            assertEquals(nested.resolve("workbench.db").toAbsolutePath(), store.file());
            assertTrue(Files.isRegularFile(store.file()));
            // sha256sum of each script under adapters-persistence/src/main/resources/db/sqlite/
            assertEquals(List.of("1 load_tests ae54701d120fd08b122ccea253863e1b1326ee2e6e3fb40e348016704eff4638",
                            "2 completions 4556494e2f69e0f3806704db9a755bfe4674cf02d15cb0ccc42c75bc30b4ca8a",
                            "3 files e8a31846d58b590ce7fd597f52359a372ba3c3a008f711e8fc9e8cc51927c960",
                            "4 batches 7a06e7daadc2f73765799c6454ab292ae435a95ca8c67dc025446a0f6a3d26ad",
                            "5 webhooks 06c306e05eaf489b73894bea71a4fd7920fb2ebb3f4ae065aa278091bb5f57fe",
                            "6 completion_usage_source 051a37cd9e18e4b0cc12559384a987a3bf0deb5afd98d09b1bf4d315eb109053",
                            "7 collated_requests 4dd3430930f69241efdb1622f5d0352e88dc7bd6fd7613f6f5f9928518d19863"),
                    query(store, SqliteStoreTest::versions));
        }
    }

    @Test
    void opensInWalModeWithForeignKeysAndABusyTimeoutAndAWholeFile() {
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            assertEquals("wal", query(store, h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
            assertEquals(Integer.valueOf(1), query(store, h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()));
            assertEquals(Integer.valueOf(10_000), query(store, h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()));
            assertEquals("ok", query(store, h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
        }
    }

    @Test
    void writesGoToTheWalWhileOpenAndCloseCheckpointsThemIntoTheFile() {
        Path wal;
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST))) {
            wal = Path.of(store.file() + "-wal");
            store.jdbi().useHandle(h -> h.execute("INSERT INTO first (x) VALUES (42)"));
            assertTrue(Files.exists(wal), "no WAL beside the open store");
        }
        assertFalse(Files.exists(wal), "close left the WAL behind");
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST))) {
            assertEquals(Integer.valueOf(42), query(store, h -> h.createQuery("SELECT x FROM first").mapTo(Integer.class).one()));
        }
    }

    @Test
    void reopeningAppliesNothingAgain() {
        List<String> appliedAt;
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST, SECOND))) {
            appliedAt = query(store, h -> h.createQuery("SELECT applied_at FROM schema_version ORDER BY version").mapTo(String.class).list());
        }
        // A second run of either script would fail: CREATE TABLE without IF NOT EXISTS.
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST, SECOND))) {
            assertEquals(appliedAt, query(store,
                    h -> h.createQuery("SELECT applied_at FROM schema_version ORDER BY version").mapTo(String.class).list()));
        }
    }

    @Test
    void appliesOnlyTheNewMigrationsOfALaterBuild() {
        SqliteStore.open(dataDir, List.of(FIRST)).close();
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST, SECOND))) {
            store.jdbi().useHandle(h -> h.execute("INSERT INTO second (id) VALUES (7)"));
            assertEquals(List.of(7, 1007), query(store, h -> h.createQuery("SELECT id FROM second_log ORDER BY id").mapTo(Integer.class).list()));
            assertEquals(2, query(store, SqliteStoreTest::versions).size());
        }
    }

    @Test
    void refusesToStartWhenAnAppliedMigrationWasChanged() {
        SqliteStore.open(dataDir, List.of(FIRST)).close();
        Migration edited = new Migration(1, "first", "CREATE TABLE first (x INTEGER, y TEXT);");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqliteStore.open(dataDir, List.of(edited)));
        assertTrue(refused.getMessage().contains("V001__first.sql differs"), refused.getMessage());
        assertTrue(refused.getMessage().contains("must never change"), refused.getMessage());
    }

    @Test
    void refusesToStartOnADatabaseWrittenByANewerBuild() {
        SqliteStore.open(dataDir, List.of(FIRST, SECOND)).close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqliteStore.open(dataDir, List.of(FIRST)));
        assertTrue(refused.getMessage().contains("schema version 2 but this build knows versions up to 1"), refused.getMessage());
    }

    @Test
    void aMigrationThatFailsHalfwayLeavesNothingOfItself() {
        Migration broken = new Migration(2, "broken", "CREATE TABLE half (x INTEGER); CREATE TABEL oops (y);");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqliteStore.open(dataDir, List.of(FIRST, broken)));
        assertTrue(refused.getMessage().contains("V002__broken.sql failed"), refused.getMessage());
        try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST))) {
            assertEquals(List.of("first", "schema_version"), query(store, h -> h.createQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").mapTo(String.class).list()));
        }
    }

    @Test
    void storesStartedTogetherOnOneFileApplyEachMigrationOnce() throws Exception {
        int starters = 4;
        CountDownLatch ready = new CountDownLatch(starters);
        List<Callable<Integer>> opens = new ArrayList<>();
        for (int i = 0; i < starters; i++) {
            opens.add(() -> {
                ready.countDown();
                ready.await();
                try (SqliteStore store = SqliteStore.open(dataDir, List.of(FIRST, SECOND))) {
                    return query(store, SqliteStoreTest::versions).size();
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(starters)) {
            for (Future<Integer> opened : pool.invokeAll(opens)) {
                assertEquals(Integer.valueOf(2), opened.get());
            }
        }
    }
}
