package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 4: a request leaves {@code emulator_requests_in_flight} exactly once however it
 * ends, so the gauge (and the load model that reads the same count) is back to 0 after each ending.
 */
class RequestsInFlightIT {
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    private static final String STREAM = HELLO.replaceFirst("\\{", "{\"stream\":true,");
    private static final Pattern GAUGE = Pattern.compile("(?m)^emulator_requests_in_flight(\\{[^}]*})?\\s+(\\S+)$");

    static int inFlight() throws Exception {
        String metrics = Server.get("/metrics?scope=application").body();
        Matcher matcher = GAUGE.matcher(metrics);
        assertTrue(matcher.find(), metrics);
        return (int) Double.parseDouble(matcher.group(2));
    }

    /** Waits for the gauge to read {@code expected}, and fails if it does not within {@code timeout}. */
    static void awaitInFlight(int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int current = inFlight();
        while (current != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = inFlight();
        }
        assertEquals(expected, current, "emulator_requests_in_flight");
    }

    @BeforeEach
    void nothingInFlight() throws Exception {
        awaitInFlight(0, Duration.ofSeconds(10));
    }

    @Test
    void answeredRequestsLeave() throws Exception {
        assertEquals(200, Server.postJson("/v1/chat/completions", HELLO, "X-TTFT-MS", "50", "X-ITL-MS", "1").statusCode());
        assertEquals(200, Server.postJson("/v1/chat/completions", STREAM, "X-TTFT-MS", "50", "X-ITL-MS", "1").statusCode());
        assertEquals(200, Server.postJson("/v1/completions", "{\"model\":\"davinci-002\",\"prompt\":\"Hi\"}", "X-TTFT-MS", "0", "X-ITL-MS", "0").statusCode());
        awaitInFlight(0, Duration.ofSeconds(2));
    }

    @Test
    void injectedFailuresAndCutStreamsLeave() throws Exception {
        assertEquals(503, Server.postJson("/v1/chat/completions", HELLO, "X-FAIL-STATUS", "503").statusCode());
        assertEquals(500, Server.postJson("/v1/chat/completions", STREAM, "X-FAIL-STATUS", "500").statusCode());
        HttpResponse<String> cut = Server.postJson("/v1/chat/completions", STREAM, "X-TTFT-MS", "0", "X-ITL-MS", "1", "X-CUT-AFTER-TOKENS", "2");
        assertEquals(200, cut.statusCode());
        awaitInFlight(0, Duration.ofSeconds(2));
    }

    @Test
    void aClientGoneMidStreamLeavesLongBeforeTheStreamWouldHaveEnded() throws Exception {
        // 100 tokens 100 ms apart: 10 s if the client stayed
        try (Socket socket = open(STREAM, "X-TTFT-MS: 0", "X-ITL-MS: 100", "X-OUTPUT-LENGTH: 100")) {
            InputStream in = socket.getInputStream();
            assertTrue(new String(in.readNBytes(12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            awaitInFlight(1, Duration.ofSeconds(2));
        }
        awaitInFlight(0, Duration.ofSeconds(5));
    }

    @Test
    void aClientGoneWhileADelayedAnswerWaitsLeavesWhenItWasDue() throws Exception {
        try (Socket socket = open(HELLO, "X-TTFT-MS: 1500", "X-ITL-MS: 0")) {
            awaitInFlight(1, Duration.ofSeconds(1));
        }
        Thread.sleep(1500);
        awaitInFlight(0, Duration.ofSeconds(3));
    }

    @Test
    void requestsRefusedAfterEnteringLeave() throws Exception {
        // A held request makes the load multiplier of the next one huge, refused only once it has entered.
        CompletableFuture<HttpResponse<String>> held = Server.HTTP.sendAsync(HttpRequest.newBuilder(URI.create(Server.URL + "/v1/chat/completions"))
                .header("Content-Type", "application/json").header("X-TTFT-MS", "1500").POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitInFlight(1, Duration.ofSeconds(1));
        HttpResponse<String> refused = Server.postJson("/v1/chat/completions", HELLO, "X-TTFT-MS", "10", "X-LOAD-FACTOR", "999999999");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"param\":\"X-LOAD-FACTOR\""), refused.body());
        assertEquals(1, inFlight(), "only the held request");
        assertEquals(200, held.get().statusCode());
        awaitInFlight(0, Duration.ofSeconds(2));
    }

    @Test
    void overflowingAndOverlongTimingHeadersAreRefusedAndLeaveNothingInFlight() throws Exception {
        for (String prefill : new String[] {"999999999999999999", "9223372036854776", "100000000"}) {
            HttpResponse<String> response = Server.postJson("/v1/chat/completions", HELLO, "X-PREFILL-US-PER-TOKEN", prefill);
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"param\":\"X-PREFILL-US-PER-TOKEN\""), response.body());
        }
        HttpResponse<String> tooLong = Server.postJson("/v1/chat/completions", HELLO, "X-ITL-MS", "60000", "X-OUTPUT-LENGTH", "11");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("\"param\":\"X-ITL-MS\""), tooLong.body());
        assertEquals(0, inFlight());
    }

    /** A raw connection, so the test can leave mid-answer the way a crashed client does. */
    private static Socket open(String body, String... headers) throws Exception {
        URI uri = URI.create(Server.URL);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(5000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST /v1/chat/completions HTTP/1.1\r\nHost: " + uri.getHost()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }
}
