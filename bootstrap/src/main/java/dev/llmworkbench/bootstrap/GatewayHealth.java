package dev.llmworkbench.bootstrap;

import dev.llmworkbench.rest.gateway.RouteModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway's routes: always up, since the workbench serves whatever a route that cannot be reached
 * would not (its configured model ids stay listed, and its requests get a clear 502); an upstream whose model list
 * could not be fetched makes it {@code degraded}, with the route named in the data. No routes, no routes to report.
 */
@ApplicationScoped
public class GatewayHealth {
    @Inject
    RouteModels routeModels;

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            Map<String, RouteModels.Listed> routes = routeModels.all();
            String unreachable = routes.entrySet().stream().filter(r -> !r.getValue().reachable()).map(Map.Entry::getKey)
                    .collect(Collectors.joining(","));
            HealthCheckResponseBuilder response = HealthCheckResponse.named("gateway-ready").up()
                    .withData("routes", routes.size())
                    .withData("degraded", !unreachable.isEmpty());
            if (!unreachable.isEmpty()) {
                response.withData("unreachable", unreachable);
            }
            return response.build();
        };
    }
}
