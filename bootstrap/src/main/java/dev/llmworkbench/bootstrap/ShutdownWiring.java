package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.batch.BatchRunner;
import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.loadtest.LoadTestQueue;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.application.shutdown.ShutDownGracefully;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A server stop ({@code server stop}, SIGTERM) runs {@link ShutDownGracefully} before any bean is destroyed, so the
 * store, the emulator's timer and the HTTP clients are all still there while streams, batches and load tests end
 * within {@code workbench.shutdown.grace-ms}.
 */
@ApplicationScoped
public class ShutdownWiring {
    private static final Logger LOG = Logger.getLogger(ShutdownWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.shutdown.grace-ms", defaultValue = "10000")
    long graceMs;

    @Produces
    @Singleton
    OpenStreams openStreams() {
        return new OpenStreams();
    }

    void shutDown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Shutdown shutdown, LoadTestQueue loadTests,
                  BatchRunner batches, OpenStreams streams, CompletionRecorder recorder) {
        Duration grace = Duration.ofMillis(graceMs);
        LOG.info(() -> "event=shutdown_started grace_ms=" + graceMs + " open_streams=" + streams.count());
        try {
            ShutDownGracefully.Summary done = new ShutDownGracefully(loadTests, batches, streams, recorder, grace).shutDown();
            LOG.info(() -> "event=shutdown_drained load_tests_stored=" + done.loadTestsStored() + " streams_ended_early="
                    + done.streamsEndedEarly() + " completion_rows_dropped=" + done.completionRowsDropped());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("event=shutdown_interrupted");
        }
    }
}
