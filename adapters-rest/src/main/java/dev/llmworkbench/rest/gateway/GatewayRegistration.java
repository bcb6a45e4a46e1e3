package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.rest.RequestBodies;
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
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Puts the gateway in front of the emulator's servlet when upstream routes are configured, and not otherwise: with
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

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (upstreams.routes().isEmpty()) {
            LOG.info("event=gateway_off reason=no_routes");
            return;
        }
        // Unique per server start, so a request this gateway forwarded is recognised when it comes back.
        String via = "1.1 workbench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter("gateway",
                new GatewayFilter(upstreams, bodies, emulator, recorder, via, Clock.systemUTC()));
        filter.setAsyncSupported(true);
        // After the declared filters, so the request id and the request limits come first.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, EmulatorServlet.CHAT, EmulatorServlet.COMPLETIONS,
                EmulatorServlet.EMBEDDINGS, EmulatorServlet.RESPONSES);
        LOG.info(() -> "event=gateway_on routes=" + upstreams.routes().routes().stream().map(Route::name)
                .collect(Collectors.joining(",")) + " default=" + Route.EMULATOR);
    }
}
