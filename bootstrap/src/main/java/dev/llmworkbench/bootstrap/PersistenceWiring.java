package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.persistence.sqlite.SqliteLoadTestRuns;
import dev.llmworkbench.persistence.sqlite.SqliteStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQLite store, opened once from {@code workbench.data.dir} (relative paths from the server's working directory)
 * and closed at shutdown, and the ports kept in it. It opens at start-up, so a schema it refuses stops the
 * application with the migration runner's message instead of failing the first request.
 */
@ApplicationScoped
public class PersistenceWiring {
    private static final Logger LOG = Logger.getLogger(PersistenceWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.data.dir", defaultValue = "data")
    String dataDir;

    @Produces
    @Singleton
    SqliteStore store() {
        SqliteStore store = SqliteStore.open(Path.of(dataDir));
        LOG.info(() -> "event=store_opened file=" + store.file());
        return store;
    }

    void close(@Disposes SqliteStore store) {
        store.close();
        LOG.info(() -> "event=store_closed file=" + store.file());
    }

    @Produces
    @Singleton
    LoadTestRuns loadTestRuns(SqliteStore store) {
        return new SqliteLoadTestRuns(store);
    }

    /** No run of this process has begun yet, so every queued or running run was cut by the last shutdown. */
    void interruptRunsCutByTheLastShutdown(@Observes Startup startup, LoadTestRuns runs) {
        int interrupted = runs.interruptUnfinished(Clock.systemUTC().instant());
        LOG.info(() -> "event=load_tests_interrupted_at_startup count=" + interrupted);
    }
}
