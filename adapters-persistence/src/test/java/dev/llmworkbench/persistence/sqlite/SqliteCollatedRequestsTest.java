package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.persistence.CollatedRequestsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteCollatedRequestsTest extends CollatedRequestsContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;

    @Override
    protected CollatedRequests store() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteCollatedRequests(store);
    }

    @Override
    protected CollatedRequests reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteCollatedRequests(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
