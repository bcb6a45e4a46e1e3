package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.rest.collate.CollateDispatch;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.OpenAiHeaders;
import dev.llmworkbench.rest.RequestBodies;
import dev.llmworkbench.rest.emulation.EmulatorDispatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Sends each request on the OpenAI paths to the route its model names: to an upstream, forwarded on a virtual
 * thread, or to the built-in emulator in this process. Registered only when routes are configured
 * ({@link GatewayRegistration}), so without them the emulator's servlet is exactly what it was. A model whose route
 * is a collate route is held for a batch ({@link CollateDispatch}), unless the request is a batch line of this server.
 */
final class GatewayFilter extends HttpFilter {
    static final String ROUTE_HEADER = "X-Gateway-Route";
    static final String OVERHEAD_HEADER = "X-Gateway-Overhead-Ms";

    private final Upstreams upstreams;
    private final RequestBodies bodies;
    private final EmulatorDispatch emulator;
    private final CompletionRecorder recorder;
    private final OpenStreams openStreams;
    private final String via;
    private final Clock clock;
    private final CollateDispatch collate;
    private final BatchLineMark mark;

    /** @param via this gateway's {@code Via} entry: a request already carrying it came from this gateway */
    GatewayFilter(Upstreams upstreams, RequestBodies bodies, EmulatorDispatch emulator, CompletionRecorder recorder,
                  OpenStreams openStreams, String via, Clock clock, CollateDispatch collate, BatchLineMark mark) {
        this.upstreams = upstreams;
        this.bodies = bodies;
        this.emulator = emulator;
        this.recorder = recorder;
        this.openStreams = openStreams;
        this.via = via;
        this.clock = clock;
        this.collate = collate;
        this.mark = mark;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long arrival = System.nanoTime();
        String previousVia = request.getHeader("Via");
        // A route pointing back at this server (as the tests' does) would forward forever: what this gateway already
        // forwarded is the emulator's.
        if (!"POST".equals(request.getMethod()) || previousVia != null && previousVia.contains(via)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            JsonBody.checkHeaders(request.getContentType(), request.getContentLengthLong(), bodies.maxBytes());
        } catch (RuntimeException failure) {
            response.setHeader("Connection", "close");
            ErrorBody.write(response, failure);
            return;
        }
        String path = request.getServletPath();
        String requestId = String.valueOf(request.getAttribute(OpenAiHeaders.REQUEST_ID));
        String nextVia = previousVia == null ? via : previousVia + ", " + via;
        List<String[]> headers = ForwardHeaders.request(request.getHeaderNames(), request::getHeaders);
        EmulatorRecording recording = new EmulatorRecording(response, recorder);
        boolean batchLine = mark.marks(request.getHeader(BatchLineMark.HEADER), request.getRemoteAddr());
        String collateMode = request.getHeader(CollateDispatch.MODE_HEADER);
        bodies.read(request, recording, (async, bytes) -> route(new Exchange(async, requestId, path, bytes, JsonBody.parse(bytes),
                arrival, clock.instant()), headers, nextVia, recording, batchLine, collateMode));
    }

    private void route(Exchange exchange, List<String[]> headers, String nextVia, EmulatorRecording recording, boolean batchLine,
                       String collateMode) throws IOException {
        JsonObject json = exchange.json();
        List<Upstreams.Upstream> candidates = json.get("model") instanceof JsonString model
                ? upstreams.candidates(model.getString()) : List.of();
        AsyncContext async = exchange.async();
        if (!candidates.isEmpty() && candidates.getFirst().route().kind() == RouteKind.COLLATE) {
            if (!batchLine) {
                collate.take(async, candidates.getFirst().route().name(), exchange.path(), json, collateMode);
                return;
            }
            candidates = candidates.stream().filter(upstream -> upstream.route().kind() != RouteKind.COLLATE).toList();
        }
        if (candidates.isEmpty()) {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setHeader(ROUTE_HEADER, Route.EMULATOR);
            response.setHeader(OVERHEAD_HEADER, Exchange.millis(exchange.nanosSinceArrival()));
            recording.start(exchange);
            emulator.emulate(async, exchange.path(), json, exchange.arrival());
            return;
        }
        Thread.ofVirtual().name("gateway-" + candidates.getFirst().route().name())
                .start(new Forwarding(exchange, upstreams, candidates, headers, nextVia, recorder, openStreams));
    }
}
