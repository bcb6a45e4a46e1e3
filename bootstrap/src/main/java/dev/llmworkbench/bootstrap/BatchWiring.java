package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.batch.BatchIds;
import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.batch.BatchSettings;
import dev.llmworkbench.application.batch.CancelBatch;
import dev.llmworkbench.application.batch.CreateBatch;
import dev.llmworkbench.application.batch.GetBatch;
import dev.llmworkbench.application.batch.ListBatchEvents;
import dev.llmworkbench.application.batch.ListBatches;
import dev.llmworkbench.application.batch.port.BatchNotifier;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.rest.batch.HttpLineCaller;
import dev.llmworkbench.rest.batch.JsonlInputLines;
import dev.llmworkbench.rest.gateway.BatchLineMark;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batch server: batches in the SQLite store, files in the Files API's store, lines sent to this server's own
 * {@code /v1/...} on loopback ({@code workbench.batch.base-url}, by default {@code http://localhost:<http.port>}, the
 * server.xml variable Liberty gives MicroProfile Config), at most {@code workbench.batch.concurrency} lines of a
 * batch and {@code workbench.batch.max-in-flight} of all at once. Unfinished batches resume once the server is ready.
 */
@ApplicationScoped
public class BatchWiring {
    private static final Logger LOG = Logger.getLogger(BatchWiring.class.getName());
    private static final Duration READY_PATIENCE = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "workbench.batch.concurrency", defaultValue = "32")
    int concurrency;

    @Inject
    @ConfigProperty(name = "workbench.batch.max-in-flight", defaultValue = "256")
    int maxInFlight;

    @Inject
    @ConfigProperty(name = "workbench.batch.timeout-ms", defaultValue = "600000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "workbench.shutdown.grace-ms", defaultValue = "10000")
    long shutdownGraceMs;


    @Produces
    @Singleton
    BatchIds batchIds() {
        return new BatchIds(new SecureRandom());
    }

    @Produces
    @Singleton
    HttpLineCaller lineCaller(GatewayConfig gateway, BatchLineMark mark, InternalKey internal) {
        URI base = URI.create(gateway.ownBase());
        LOG.info(() -> "event=batch_lines_target url=" + base);
        return new HttpLineCaller(base, Duration.ofMillis(timeoutMs), mark, internal);
    }

    @Produces
    @Singleton
    BatchRunner runner(Batches batches, FileStore files, HttpLineCaller caller, BatchNotifier notifier, BatchIds ids) {
        // Failed calls are tried 3 times from 1 s apart; lines in flight at shutdown get the grace period to be kept.
        return new BatchRunner(batches, files, new JsonlInputLines(), caller, notifier, Clock.systemUTC(), ids,
                new BatchSettings(concurrency, maxInFlight, 3, Duration.ofSeconds(1), Duration.ofMillis(shutdownGraceMs)));
    }

    void close(@Disposes BatchRunner runner) {
        runner.close();
    }

    /** The batches the last process left unfinished run again once this server answers its own requests. */
    void resume(@Observes Startup startup, BatchRunner runner, HttpLineCaller caller) {
        Thread.ofVirtual().name("batch-resume").start(() -> {
            try {
                if (caller.awaitReady(READY_PATIENCE)) {
                    runner.resumeUnfinished();
                } else {
                    LOG.warning(() -> "event=batches_not_resumed reason=server_not_ready_in=" + READY_PATIENCE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Produces
    @Singleton
    CreateBatch createBatch(BatchRunner runner, FileStore files, BatchIds ids) {
        return new CreateBatch(runner, files, new JsonlInputLines(), ids, Clock.systemUTC());
    }

    @Produces
    @Singleton
    GetBatch getBatch(Batches batches) {
        return new GetBatch(batches);
    }

    @Produces
    @Singleton
    ListBatches listBatches(Batches batches) {
        return new ListBatches(batches);
    }

    @Produces
    @Singleton
    CancelBatch cancelBatch(BatchRunner runner) {
        return new CancelBatch(runner);
    }

    @Produces
    @Singleton
    ListBatchEvents listBatchEvents(Batches batches) {
        return new ListBatchEvents(batches);
    }
}
