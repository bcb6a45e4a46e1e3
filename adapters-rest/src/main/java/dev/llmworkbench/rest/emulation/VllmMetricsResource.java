package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Engines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /vllm/metrics}: the emulator's engines under vLLM's metric names, for dashboards made
 * for vLLM. Not at /metrics, which MicroProfile Metrics owns and where its exporter turns the
 * {@code :} of vLLM's names into {@code _}; a Prometheus scrape job can point at any path.
 */
@Path("/vllm/metrics")
@ApplicationScoped
public class VllmMetricsResource {
    @Inject
    Engines engines;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return VllmMetricsText.of(engines.all());
    }
}
