package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.persistence.WebhooksContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteWebhooksTest extends WebhooksContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;

    @Override
    protected Webhooks webhooks() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteWebhooks(store);
    }

    @Override
    protected Webhooks reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteWebhooks(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
