package dev.llmworkbench.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * The test server's route {@code fake}: a socket on loopback speaking just enough HTTP/1.1 to misbehave on purpose.
 * The caller's {@code X-Fake} header (which the gateway forwards) picks the answer: {@code ok}, {@code slow} (after
 * 3 s), {@code malformed} (not HTTP), {@code truncated} (a body shorter than its length), {@code ratelimit} (429 with Retry-After), {@code cut} (a stream closed mid-way); {@code GET /v1/models} gets its model list.
 * Every request it got is kept, headers lower-cased, for the tests to read.
 */
final class FakeUpstream implements AutoCloseable {
    static final int PORT = Integer.getInteger("workbench.it.upstream.port", 19081);
    static final String OK_BODY = "{\"id\":\"chatcmpl-fake1\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"fake-model-2024\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Fake answer.\","
            + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3,\"total_tokens\":14}}";
    /** Its model list: the route fake claims fake-*, so fake-model-2024 is its and other-model is not. */
    static final String MODELS_BODY = "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model-2024\",\"object\":\"model\","
            + "\"created\":1700000000,\"owned_by\":\"fake\"},{\"id\":\"other-model\",\"object\":\"model\",\"created\":1700000000,"
            + "\"owned_by\":\"fake\"}]}";
    static final String RATE_LIMIT_BODY = "{\"error\":{\"message\":\"Rate limit reached for fake-model.\",\"type\":\"requests\","
            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

    record Received(Map<String, String> headers, String body) {
    }

    final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
    private final ServerSocket server;

    FakeUpstream() throws IOException {
        server = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Received request = read(in);
            received.add(request);
            String mode = request.headers().get(":request-line").startsWith("GET /v1/models ") ? "models"
                    : request.headers().getOrDefault("x-fake", "ok");
            switch (mode) {
                case "slow" -> {
                    LockSupport.parkNanos(3_000_000_000L);
                    json(out, "200 OK", OK_BODY, "");
                }
                case "malformed" -> out.write("HELLO THERE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                case "truncated" -> {
                    byte[] half = OK_BODY.substring(0, 40).getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + OK_BODY.length()
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(half);
                }
                case "models" -> json(out, "200 OK", MODELS_BODY, "");
                case "ratelimit" -> json(out, "429 Too Many Requests", RATE_LIMIT_BODY, "Retry-After: 7\r\n");
                case "cut" -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                            + "data: {\"id\":\"chatcmpl-cut\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"fake-model-2024\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                            + "\"content\":\"Half\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                default -> json(out, "200 OK", OK_BODY, "");
            }
            out.flush();
        } catch (IOException gone) {
            // the gateway gave up on this one (the slow answer after its timeout)
        }
    }

    private static void json(OutputStream out, String status, String body, String extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        headers.put(":request-line", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Received(headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
