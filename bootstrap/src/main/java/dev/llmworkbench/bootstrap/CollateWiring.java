package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.collate.Collate;
import dev.llmworkbench.application.collate.CollateSettings;
import dev.llmworkbench.application.collate.CollatedBatches;
import dev.llmworkbench.application.collate.GetCollatedBatch;
import dev.llmworkbench.application.collate.GetCollatedRequest;
import dev.llmworkbench.application.collate.ListCollatedBatches;
import dev.llmworkbench.application.collate.ListCollateStatus;
import dev.llmworkbench.application.collate.PollBackoff;
import dev.llmworkbench.application.collate.ResumeCollation;
import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.gateway.ApiKey;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.rest.collate.CollateDispatch;
import dev.llmworkbench.rest.collate.HttpBatchUpstream;
import dev.llmworkbench.rest.gateway.BatchLineMark;
import dev.llmworkbench.rest.gateway.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The collating jump server: each collate route's window ({@code workbench.collate.window-ms}, else batch-gpt's
 * {@code COLLATE_BATCHES_FOR_DURATION_IN_MS}, else 5000; {@code workbench.collate.max-requests}; both overridable per
 * route), its upstream's Files and Batches API, the default mode, and at start-up the upstream batches the last
 * process left unfinished, followed again.
 */
@ApplicationScoped
public class CollateWiring {
    private static final Logger LOG = Logger.getLogger(CollateWiring.class.getName());
    private static final long DEFAULT_WINDOW_MS = 5000;
    private static final int DEFAULT_MAX_REQUESTS = 50_000;

    @Inject
    Config config;

    private ScheduledExecutorService windows;

    @Produces
    @Singleton
    BatchLineMark batchLineMark() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new BatchLineMark(HexFormat.of().formatHex(secret));
    }

    /**
     * Each collate route's Files and Batches API, one client per route.
     *
     * @param elsewhere those whose upstream is not this server's own batch server
     */
    record CollateUpstreams(Map<String, BatchUpstream> all, Map<String, BatchUpstream> elsewhere) {
    }

    @Produces
    @Singleton
    CollateUpstreams collateUpstreams(Upstreams upstreams, GatewayConfig gateway, InternalKey internal) {
        Map<String, BatchUpstream> all = new LinkedHashMap<>();
        Map<String, BatchUpstream> elsewhere = new LinkedHashMap<>();
        String own = gateway.ownBase() + "/v1";
        for (Route route : upstreams.routes().routes()) {
            if (route.kind() == RouteKind.COLLATE) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                BatchUpstream upstream = new HttpBatchUpstream(client, route.url(), route.apiKey().map(ApiKey::value), route.timeout(),
                        internal);
                all.put(route.name(), upstream);
                if (!route.url().toString().replaceAll("/+$", "").equals(own)) {
                    elsewhere.put(route.name(), upstream);
                }
            }
        }
        return new CollateUpstreams(all, elsewhere);
    }

    @Produces
    @Singleton
    CollatedBatches collatedBatches(CollateUpstreams upstreams, CollatedRequests store) {
        PollBackoff backoff = new PollBackoff(
                Duration.ofMillis(config.getOptionalValue("workbench.collate.poll-initial-ms", Long.class).orElse(1000L)),
                Duration.ofMillis(config.getOptionalValue("workbench.collate.poll-max-ms", Long.class).orElse(30_000L)));
        return new CollatedBatches(upstreams.all(), store, Clock.systemUTC(), backoff);
    }

    void close(@Disposes CollatedBatches batches) {
        batches.close();
    }

    @Produces
    @Singleton
    Collate collate(Upstreams upstreams, CollatedRequests store, CollatedBatches batches) {
        Map<String, CollateSettings> settings = new LinkedHashMap<>();
        long windowMs = config.getOptionalValue("workbench.collate.window-ms", Long.class)
                .or(() -> config.getOptionalValue("COLLATE_BATCHES_FOR_DURATION_IN_MS", Long.class)).orElse(DEFAULT_WINDOW_MS);
        int maxRequests = config.getOptionalValue("workbench.collate.max-requests", Integer.class).orElse(DEFAULT_MAX_REQUESTS);
        for (Route route : upstreams.routes().routes()) {
            if (route.kind() == RouteKind.COLLATE) {
                String prefix = "workbench.upstream." + route.name() + ".";
                CollateSettings own = new CollateSettings(
                        Duration.ofMillis(config.getOptionalValue(prefix + "window-ms", Long.class).orElse(windowMs)),
                        config.getOptionalValue(prefix + "max-requests", Integer.class).orElse(maxRequests));
                settings.put(route.name(), own);
                LOG.info(() -> "event=collate_route route=" + route.name() + " upstream=" + route.url() + " window_ms="
                        + own.window().toMillis() + " max_requests=" + own.maxRequests());
            }
        }
        windows = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("collate-windows").daemon(true).factory());
        SecureRandom random = new SecureRandom();
        return new Collate(settings, store, batches, () -> {
            byte[] id = new byte[12];
            synchronized (random) {
                random.nextBytes(id);
            }
            return "collreq_" + HexFormat.of().formatHex(id);
        }, Clock.systemUTC(), windows);
    }

    void close(@Disposes Collate collate) {
        if (windows != null) {
            windows.shutdownNow();
        }
    }

    @Produces
    @Singleton
    CollateDispatch collateDispatch(Collate collate) {
        String mode = config.getOptionalValue("workbench.collate.mode", String.class).orElse("sync");
        return new CollateDispatch(collate, CollateMode.fromWire(mode).orElseThrow(() -> new IllegalArgumentException(
                "workbench.collate.mode must be sync, async or cache, not '" + mode + "'")));
    }

    void close(@Disposes CollateDispatch dispatch) {
        dispatch.close();
    }

    @Produces
    @Singleton
    GetCollatedRequest getCollatedRequest(CollatedRequests store) {
        return new GetCollatedRequest(store);
    }

    @Produces
    @Singleton
    GetCollatedBatch getCollatedBatch(CollatedRequests store, CollateUpstreams upstreams) {
        return new GetCollatedBatch(store, upstreams.elsewhere());
    }

    @Produces
    @Singleton
    ListCollatedBatches listCollatedBatches(CollatedRequests store, CollateUpstreams upstreams) {
        return new ListCollatedBatches(store, upstreams.elsewhere());
    }

    @Produces
    @Singleton
    ListCollateStatus listCollateStatus(CollatedRequests store) {
        return new ListCollateStatus(store);
    }

    /** The upstream batches the last process left unfinished are followed again, so async and cache callers get their answers. */
    void resume(@Observes Startup startup, CollatedRequests store, CollatedBatches batches) {
        int resumed = new ResumeCollation(store, batches).resume();
        LOG.info(() -> "event=collate_resumed batches=" + resumed);
    }
}
