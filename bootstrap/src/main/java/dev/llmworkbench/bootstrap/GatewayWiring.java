package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.gateway.GetCompletion;
import dev.llmworkbench.application.gateway.ListCompletions;
import dev.llmworkbench.application.gateway.PruneCompletions;
import dev.llmworkbench.application.gateway.SumUsage;
import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.rest.gateway.PayloadRoute;
import dev.llmworkbench.rest.gateway.RouteModels;
import dev.llmworkbench.rest.gateway.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway: its upstream routes with their HTTP clients, and the completion log in the SQLite store with the
 * recorder that writes it in batches, pruned to its retention if one is set. The recorder is closed (every queued row
 * written) at shutdown by {@link ShutdownWiring}, before the store it writes to.
 */
@ApplicationScoped
public class GatewayWiring {
    private static final Logger LOG = Logger.getLogger(GatewayWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.log.queue-capacity", defaultValue = "10000")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "workbench.log.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "workbench.log.retention-days")
    Optional<Integer> retentionDays;

    @Inject
    @ConfigProperty(name = "workbench.upstream.models-cache-ms", defaultValue = "60000")
    long modelsCacheMs;

    private ScheduledExecutorService retention;

    @Produces
    @Singleton
    Upstreams upstreams(GatewayConfig config, InternalKey internal) {
        return new Upstreams(config.routes(), config::circuit, Clock.systemUTC(), internal);
    }

    void close(@Disposes Upstreams upstreams) {
        upstreams.close();
    }

    @Produces
    @Singleton
    RouteModels routeModels(Upstreams upstreams) {
        return new RouteModels(upstreams, Duration.ofMillis(modelsCacheMs));
    }

    @Produces
    @Singleton
    PayloadRoute payloadRoute(GatewayConfig config, InternalKey internal) {
        return new PayloadRoute(config.payloadRoute(), internal);
    }

    void close(@Disposes PayloadRoute route) {
        route.close();
    }

    @Produces
    @Singleton
    CompletionRecorder recorder(CompletionLog log) {
        return new CompletionRecorder(log, queueCapacity, batchSize,
                Thread.ofPlatform().name("completion-log-writer").daemon(true).factory(),
                failure -> LOG.warning(() -> "event=completion_log_write_failed type=" + failure.getClass().getSimpleName()));
    }

    void close(@Disposes CompletionRecorder recorder) {
        recorder.close();
    }

    /** With a retention set, rows older than it are deleted at start-up and every hour after. */
    void pruneOnSchedule(@Observes Startup startup, CompletionLog log) {
        retentionDays.ifPresent(days -> {
            PruneCompletions prune = new PruneCompletions(log, Duration.ofDays(days), Clock.systemUTC());
            retention = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("completion-log-retention").daemon(true).factory());
            retention.scheduleWithFixedDelay(() -> {
                try {
                    int deleted = prune.prune();
                    LOG.info(() -> "event=completion_log_pruned retention_days=" + days + " deleted=" + deleted);
                } catch (RuntimeException failure) {
                    LOG.warning(() -> "event=completion_log_prune_failed type=" + failure.getClass().getSimpleName());
                }
            }, 0, 1, TimeUnit.HOURS);
        });
    }

    /** The recorder's queue is written by {@link ShutdownWiring}, once the streams whose rows it records have ended. */
    void stopPruningAtShutdown(@Observes Shutdown shutdown) {
        if (retention != null) {
            retention.shutdownNow();
        }
    }

    @Produces
    @Singleton
    ListCompletions listCompletions(CompletionLog log) {
        return new ListCompletions(log);
    }

    @Produces
    @Singleton
    GetCompletion getCompletion(CompletionLog log) {
        return new GetCompletion(log);
    }

    @Produces
    @Singleton
    SumUsage sumUsage(CompletionLog log) {
        return new SumUsage(log);
    }
}
