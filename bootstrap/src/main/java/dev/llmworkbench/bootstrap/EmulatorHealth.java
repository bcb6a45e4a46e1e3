package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.ListModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Health of the emulator: up once its models are loaded; reports what is in flight. Each probe has its own
 * name, so the combined /health answer says which of the three failed.
 */
@ApplicationScoped
public class EmulatorHealth {
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
        return () -> check("emulator-ready");
    }

    @Produces
    @Startup
    HealthCheck started() {
        return () -> check("emulator-started");
    }
}
