package dev.llmworkbench.rest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.gateway.CircuitPolicy;
import dev.llmworkbench.domain.gateway.Endpoint;
import dev.llmworkbench.domain.gateway.ModelPattern;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.domain.gateway.RouteTable;
import dev.llmworkbench.rest.batch.HttpLineCaller;
import dev.llmworkbench.rest.webhooks.HttpWebhookSender;
import jakarta.json.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import dev.llmworkbench.rest.auth.InternalKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every outbound client of the server answers a redirect with the redirect itself: a target on the allow list cannot
 * send a request on to a host that is not (a cloud metadata address, say) by answering 302.
 */
class RedirectsNotFollowedTest {
    // The redirector is not this server (another port), so no internal key is sent to it.
    private static final InternalKey NOT_THIS_SERVER = new InternalKey(new SecureRandom(), 1);

    private HttpServer redirector;
    private HttpServer elsewhere;
    private final AtomicInteger reachedElsewhere = new AtomicInteger();
    private URI base;

    @BeforeEach
    void start() throws Exception {
        // Another loopback address than the redirector's, as a metadata address would be.
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        String location = "http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/latest/meta-data";
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        base = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        redirector.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void theGatewaysRouteClientAnswersWithTheRedirect() throws Exception {
        Route route = new Route("redirecting", URI.create(base + "/v1"), Optional.empty(), List.of(new ModelPattern("m")),
                Duration.ofSeconds(5), 4, RouteKind.OPENAI, Optional.empty());
        try (Upstreams upstreams = new Upstreams(new RouteTable(List.of(route)), r -> CircuitPolicy.DEFAULT, Clock.systemUTC(), NOT_THIS_SERVER)) {
            UpstreamClient.Answer answer = upstreams.candidates("m").getFirst().client()
                    .send("/chat/completions", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), "1.1 test");
            answer.body().close();
            assertEquals(302, answer.status());
        }
        assertEquals(0, reachedElsewhere.get());
    }

    @Test
    void theProcessPayloadRouteAnswersWithTheRedirect() throws Exception {
        Route route = Endpoint.route("endpoint", base + "/v1", Optional.empty(), Duration.ofSeconds(5));
        try (PayloadRoute payload = new PayloadRoute(Optional.of(route), NOT_THIS_SERVER)) {
            assertEquals(302, payload.call(route, Json.createObjectBuilder().add("model", "m").build()).get().status());
        }
        assertEquals(0, reachedElsewhere.get());
    }

    @Test
    void theWebhookSenderAnswersWithTheRedirect() throws Exception {
        try (HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(5))) {
            assertEquals(302, sender.send(base + "/webhook", "{}", Map.of("Content-Type", "application/json")));
        }
        assertEquals(0, reachedElsewhere.get());
    }

    @Test
    void theBatchLineCallerAnswersWithTheRedirect() throws Exception {
        HttpLineCaller caller = new HttpLineCaller(base, Duration.ofSeconds(5), new BatchLineMark("a-mark-of-sixteen-chars"), NOT_THIS_SERVER);
        assertEquals(302, caller.call(BatchEndpoint.CHAT_COMPLETIONS, "{}").statusCode());
        assertEquals(0, reachedElsewhere.get());
    }
}
