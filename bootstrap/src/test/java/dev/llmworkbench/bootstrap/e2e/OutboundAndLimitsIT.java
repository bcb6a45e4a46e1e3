package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 21's outbound safety and limits on the running server (default {@code workbench.outbound.allow}: loopback and
 * the configured routes' and webhook's hosts): a load test's target outside it or at a metadata address is a 400
 * naming {@code host}; an upstream's redirect is never followed; bodies past {@code workbench.http.max-body-bytes}
 * are a 413 on the JAX-RS endpoints too; a run past {@code workbench.loadtest.max-users} or {@code max-duration} is a 400.
 */
class OutboundAndLimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BODY_BYTES = 33_554_432;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://169.254.169.254/latest/meta-data, metadata",
            "http://[fe80::1]:8000/v1,                metadata",
            "http://[fd00:ec2::254]/v1,               metadata",
            "http://93.184.216.34/v1,                 not in workbench.outbound.allow",
            "http://10.0.0.1:8000/v1,                 not in workbench.outbound.allow"})
    void aLoadTestAtATargetOutsideTheAllowListIsRefusedNamingHostOnBothEndpoints(String host, String reason) throws Exception {
        String plan = "{\"host\":\"" + host + "\",\"time_\":\"1s\",\"user\":1}";
        HttpResponse<String> queued = Server.postJson("/api/load-tests", plan);
        assertEquals(400, queued.statusCode(), queued.body());
        JsonNode error = JSON.readTree(queued.body()).get("error");
        assertEquals("host", error.get("param").asText());
        assertTrue(error.get("message").asText().contains(reason), error.toString());
        HttpResponse<String> task = Server.postJson("/run-task/", plan);
        assertEquals(400, task.statusCode(), task.body());
        assertTrue(task.body().contains(reason), task.body());
    }

    @Test
    void anUpstreamsRedirectToAnotherAddressIsAnsweredNotFollowed() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        elsewhere.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        // the "fake" route's upstream port, answering every request with a redirect
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FakeUpstream.PORT), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/v1/models");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            HttpResponse<String> chat = Server.postJson("/v1/chat/completions",
                    "{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
            assertTrue(chat.statusCode() != 200, "the redirect is the answer, not what it points at: " + chat.statusCode() + " " + chat.body());
            Thread.sleep(Duration.ofMillis(400));
            assertEquals(200, Server.get("/v1/models").statusCode(), "the route's list is fetched (cache 300 ms) and its redirect not followed");
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
        assertEquals(0, reached.get(), "nothing reached the redirect's target");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/batches", "/process-payload/", "/v1/batches/batch_x/cancel"})
    void aDeclaredBodyPastTheLimitIsA413BeforeItIsSent(String path) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(RawHttp.post(path, "Content-Length: " + (MAX_BODY_BYTES + 1)) + "\r\n{", Duration.ofSeconds(10));
        assertEquals(413, answer.status(), answer.head() + answer.body());
        assertEquals("request_too_large", JSON.readTree(answer.body()).get("error").get("code").asText());
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsA413() throws Exception {
        StringBuilder request = new StringBuilder(RawHttp.post("/v1/batches", "Transfer-Encoding: chunked")).append("\r\n");
        String chunk = "x".repeat(1 << 20);
        for (int i = 0; i < 33; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        RawHttp.Answer answer = RawHttp.exchange(request.toString(), Duration.ofSeconds(30));
        assertEquals(413, answer.status(), answer.head() + FuzzAnswers.excerpt(answer.body()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'{\"user\":10001,\"time_\":\"1s\"}',                           user",
            "'{\"user\":1,\"time_\":\"13h\",\"input_lens\":\"1,2\"}',      time_"})
    void aRunPastTheOperatorsLimitsIsRefusedNamingItsFieldOnBothEndpoints(String plan, String param) throws Exception {
        HttpResponse<String> queued = Server.postJson("/api/load-tests", plan);
        assertEquals(400, queued.statusCode(), queued.body());
        assertEquals(param, JSON.readTree(queued.body()).get("error").get("param").asText());
        HttpResponse<String> task = Server.postJson("/run-task/", plan);
        assertEquals(400, task.statusCode(), task.body());
    }
}
