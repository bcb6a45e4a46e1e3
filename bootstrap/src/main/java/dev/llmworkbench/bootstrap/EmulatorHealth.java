package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.ListModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Health of the emulator: up once its models are loaded; reports what is in flight. Each probe has its own
 * name, so the combined /health answer says which of the three failed. Readiness also waits out the
 * {@code startup-delay-ms} setting, counted from the application's start, so clients' readiness handling can be tested.
 */
@ApplicationScoped
public class EmulatorHealth {
    /** Set when the bean is made, which the start-up observer below forces as the application starts. */
    private final long startedNanos = System.nanoTime();

    @Inject
    Emulator emulator;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is what creates this bean, and so fixes startedNanos, at start-up
    }

    private HealthCheckResponse ready(String name) {
        long delayNanos = emulator.settings().service().startupDelay().toNanos();
        long leftMs = Math.max(0, (delayNanos - (System.nanoTime() - startedNanos)) / 1_000_000);
        int count = models.list().size();
        return HealthCheckResponse.named(name)
                .status(count > 0 && leftMs == 0)
                .withData("models", count)
                .withData("requests_in_flight", inFlight.current())
                .withData("startup_delay_left_ms", leftMs)
                .build();
    }
    @Inject
    ListModels models;

    @Inject
    InFlight inFlight;

    private HealthCheckResponse check(String name) {
        int count = models.list().size();
        return HealthCheckResponse.named(name)
                .status(count > 0)
                .withData("models", count)
                .withData("requests_in_flight", inFlight.current())
                .build();
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("emulator-live");
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> ready("emulator-ready");
    }

    @Produces
    @Startup
    HealthCheck started() {
        return () -> check("emulator-started");
    }
}
