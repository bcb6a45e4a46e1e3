package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.loadtest.LoadTestQueue;
import dev.llmworkbench.application.shutdown.DrainForStop;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.application.shutdown.ShutDownGracefully;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A server stop ({@code server stop}, SIGTERM) drains work in flight within {@code workbench.shutdown.grace-ms} as
 * soon as Liberty closes its listener ({@link ListenerWatch}), and runs {@link ShutDownGracefully} again before any
 * bean is destroyed, so the store, the emulator's timer and the HTTP clients are all still there.
 */
@ApplicationScoped
public class ShutdownWiring {
    private static final Logger LOG = Logger.getLogger(ShutdownWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.shutdown.grace-ms", defaultValue = "10000")
    long graceMs;

    @Inject
    Config config;

    private Thread watch;

    @Produces
    @Singleton
    OpenStreams openStreams() {
        return new OpenStreams();
    }

    @Produces
    @Singleton
    DrainForStop drainForStop(LoadTestQueue loadTests, BatchRunner batches, OpenStreams streams) {
        return new DrainForStop(loadTests, batches, streams, Duration.ofMillis(graceMs));
    }

    void watchTheListener(@Observes Startup startup, DrainForStop drain) {
        int port = config.getOptionalValue("http.port", Integer.class).orElse(9080);
        watch = Thread.ofVirtual().name("listener-watch").start(new ListenerWatch(port, () -> {
            LOG.info(() -> "event=listener_closed port=" + port + " action=drain grace_ms=" + graceMs);
            try {
                DrainForStop.Summary done = drain.drain();
                LOG.info(() -> "event=drained_for_stop load_tests_stored=" + done.loadTestsStored()
                        + " streams_ended_early=" + done.streamsEndedEarly());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    void shutDown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Shutdown shutdown, DrainForStop drain,
                  CompletionRecorder recorder) {
        if (watch != null) {
            watch.interrupt();
        }
        try {
            ShutDownGracefully.Summary done = new ShutDownGracefully(drain, recorder).shutDown();
            LOG.info(() -> "event=shutdown_drained load_tests_stored=" + done.drained().loadTestsStored() + " streams_ended_early="
                    + done.drained().streamsEndedEarly() + " completion_rows_dropped=" + done.completionRowsDropped());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("event=shutdown_interrupted");
        }
    }
}
