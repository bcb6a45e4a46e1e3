package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.rest.RequestBodies;
import dev.llmworkbench.rest.collate.CollateDispatch;
import dev.llmworkbench.rest.emulation.EmulatorDispatch;
import dev.llmworkbench.rest.emulation.EmulatorServlet;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.util.EnumSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Puts the gateway in front of the emulator's servlet, and its merged model list in front of {@code GET /v1/models},
 * when upstream routes are configured, and not otherwise: with
 * no routes every model is the emulator's, and its servlet (what load tests hammer) keeps its path without one
 * added step.
 */
@WebListener
public class GatewayRegistration implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(GatewayRegistration.class.getName());

    @Inject
    Upstreams upstreams;

    @Inject
    RequestBodies bodies;

    @Inject
    EmulatorDispatch emulator;

    @Inject
    CompletionRecorder recorder;

    @Inject
    OpenStreams openStreams;

    @Inject
    RouteModels routeModels;

    @Inject
    ListModels listModels;

    @Inject
    CollateDispatch collate;

    @Inject
    BatchLineMark batchLineMark;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (upstreams.routes().isEmpty()) {
            LOG.info("event=gateway_off reason=no_routes");
            return;
        }
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter("gateway",
                new GatewayFilter(upstreams, bodies, emulator, recorder, openStreams, upstreams.via(), Clock.systemUTC(),
                        collate, batchLineMark));
        filter.setAsyncSupported(true);
        // After the declared filters, so the request id and the request limits come first.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, EmulatorServlet.CHAT, EmulatorServlet.COMPLETIONS,
                EmulatorServlet.EMBEDDINGS, EmulatorServlet.RESPONSES);
        FilterRegistration.Dynamic models = event.getServletContext().addFilter("gateway-models",
                new ModelsFilter(upstreams, routeModels, listModels, upstreams.via()));
        models.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/v1/models", "/v1/models/*");
        LOG.info(() -> "event=gateway_on routes=" + upstreams.routes().routes().stream().map(Route::name)
                .collect(Collectors.joining(",")) + " default=" + Route.EMULATOR);
    }
}
