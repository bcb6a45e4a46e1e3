package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.persistence.LoadTestRunsContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLoadTestRunsTest extends LoadTestRunsContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;

    @Override
    protected LoadTestRuns runs() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteLoadTestRuns(store);
    }

    @Override
    protected LoadTestRuns reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteLoadTestRuns(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theFileStaysWholeAfterRunsAreWrittenAcrossARestart() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            LoadTestRun run = LoadTestRun.queue("{\"n\":" + i + "}", Instant.EPOCH.plusSeconds(i), random);
            runs().add(run);
            runs().update(run, run.start(Instant.EPOCH.plusSeconds(i)));
        }
        reopened().interruptUnfinished(Instant.EPOCH.plusSeconds(100));
        assertEquals("ok", store.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
        assertEquals(Integer.valueOf(50), store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM load_test_runs WHERE status = 'interrupted'").mapTo(Integer.class).one()));
    }
}
