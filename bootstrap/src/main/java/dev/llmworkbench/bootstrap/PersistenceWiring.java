package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.persistence.mongo.MongoBatches;
import dev.llmworkbench.persistence.mongo.MongoCollatedRequests;
import dev.llmworkbench.persistence.mongo.MongoCompletionLog;
import dev.llmworkbench.persistence.mongo.MongoFileStore;
import dev.llmworkbench.persistence.mongo.MongoLoadTestRuns;
import dev.llmworkbench.persistence.mongo.MongoStore;
import dev.llmworkbench.persistence.mongo.MongoWebhooks;
import dev.llmworkbench.persistence.sqlite.SqliteBatches;
import dev.llmworkbench.persistence.sqlite.SqliteCollatedRequests;
import dev.llmworkbench.persistence.sqlite.SqliteCompletionLog;
import dev.llmworkbench.persistence.sqlite.SqliteFileStore;
import dev.llmworkbench.persistence.sqlite.SqliteLoadTestRuns;
import dev.llmworkbench.persistence.sqlite.SqliteStore;
import dev.llmworkbench.persistence.sqlite.SqliteWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that knows which store keeps things: {@code workbench.store} is {@code sqlite} (the default: the
 * file {@code workbench.db} under {@code workbench.data.dir}, relative paths from the server's working directory) or
 * {@code mongodb} (the database {@code workbench.mongodb.uri} names). Every repository port is produced here from the
 * chosen store; the other store is never opened. The store opens at start-up, so a schema it refuses or a database it
 * cannot reach stops the application with the reason instead of failing the first request.
 */
@ApplicationScoped
public class PersistenceWiring {
    private static final Logger LOG = Logger.getLogger(PersistenceWiring.class.getName());

    /** The stores {@code workbench.store} may name. */
    enum StoreKind {
        SQLITE, MONGODB;

        static StoreKind parse(String configured) {
            try {
                return valueOf(configured.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "workbench.store must be sqlite or mongodb, not '" + configured + "'", e);
            }
        }
    }

    @Inject
    @ConfigProperty(name = "workbench.store", defaultValue = "sqlite")
    String storeName;

    @Inject
    @ConfigProperty(name = "workbench.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "workbench.mongodb.uri")
    Optional<String> mongoUri;

    @Inject
    Instance<SqliteStore> sqlite;

    @Inject
    Instance<MongoStore> mongo;

    StoreKind kind() {
        return StoreKind.parse(storeName);
    }

    /** The port from whichever store is chosen; only that store is opened (the producers below are lazy). */
    private <T> T fromStore(Function<SqliteStore, T> onSqlite, Function<MongoStore, T> onMongo) {
        return switch (kind()) {
            case SQLITE -> onSqlite.apply(sqlite.get());
            case MONGODB -> onMongo.apply(mongo.get());
        };
    }

    @Produces
    @Singleton
    SqliteStore sqliteStore() {
        SqliteStore store = SqliteStore.open(Path.of(dataDir));
        LOG.info(() -> "event=store_opened store=sqlite file=" + store.file());
        return store;
    }

    void close(@Disposes SqliteStore store) {
        store.close();
        LOG.info(() -> "event=store_closed store=sqlite file=" + store.file());
    }

    @Produces
    @Singleton
    MongoStore mongoStore() {
        String uri = mongoUri.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "workbench.store=mongodb needs workbench.mongodb.uri (env WORKBENCH_MONGODB_URI), e.g. mongodb://localhost:27017/workbench"));
        MongoStore store = MongoStore.open(uri);
        LOG.info(() -> "event=store_opened store=mongodb where=" + store.where());
        return store;
    }

    void close(@Disposes MongoStore store) {
        store.close();
        LOG.info(() -> "event=store_closed store=mongodb where=" + store.where());
    }

    @Produces
    @Singleton
    LoadTestRuns loadTestRuns() {
        return fromStore(SqliteLoadTestRuns::new, MongoLoadTestRuns::new);
    }

    @Produces
    @Singleton
    CompletionLog completionLog() {
        return fromStore(SqliteCompletionLog::new, MongoCompletionLog::new);
    }

    @Produces
    @Singleton
    FileStore fileStore() {
        return fromStore(store -> new SqliteFileStore(store, Clock.systemUTC()),
                store -> new MongoFileStore(store, Clock.systemUTC()));
    }

    @Produces
    @Singleton
    Batches batches() {
        return fromStore(SqliteBatches::new, MongoBatches::new);
    }

    @Produces
    @Singleton
    Webhooks webhooks() {
        return fromStore(SqliteWebhooks::new, MongoWebhooks::new);
    }

    @Produces
    @Singleton
    CollatedRequests collatedRequests() {
        return fromStore(SqliteCollatedRequests::new, MongoCollatedRequests::new);
    }

    /** Opens the chosen store at start-up, and marks the runs the last shutdown cut (no run of this process began yet). */
    void interruptRunsCutByTheLastShutdown(@Observes Startup startup, LoadTestRuns runs) {
        int interrupted = runs.interruptUnfinished(Clock.systemUTC().instant());
        LOG.info(() -> "event=load_tests_interrupted_at_startup count=" + interrupted);
    }
}
