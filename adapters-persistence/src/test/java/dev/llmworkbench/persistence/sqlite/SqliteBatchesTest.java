package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.persistence.BatchesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBatchesTest extends BatchesContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;

    @Override
    protected Batches batches() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteBatches(store);
    }

    @Override
    protected Batches reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteBatches(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
