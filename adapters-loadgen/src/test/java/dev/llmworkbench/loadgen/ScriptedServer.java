package dev.llmworkbench.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server whose answers are scripted per path: SSE chunks with known sleeps between them,
 * error statuses, cut and stalled streams, bad bodies. It records each request body so tests can see what
 * was asked. It is deliberately not our emulator: the measuring code is checked against sleeps it cannot see.
 */
final class ScriptedServer implements AutoCloseable {

    /** One answer: what the handler does with the exchange once the request body is read. */
    interface Script {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    static {
        // Without TCP_NODELAY the JDK server's small chunk writes meet Nagle and the client's delayed ACK: a token
        // written right after another arrives up to 40 ms late, which would be measured as the server's gap.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server closes connections beyond 200 idle ones, a just-opened one that has not yet been read
        // included: a test of more users than that would see the server hang up on requests it never read.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    }

    private static final String BODY = "scripted.body";

    private final HttpServer server;
    final ConcurrentLinkedQueue<String> requestBodies = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> portsByName = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<String>> bodiesByName = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The client port of every request served at {@code /<name>/}, in arrival order. */
    List<Integer> portsOf(String name) {
        return List.copyOf(portsByName.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()));
    }

    /** The body of every request served at {@code /<name>/}, in arrival order. */
    List<String> bodiesOf(String name) {
        return List.copyOf(bodiesByName.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()));
    }

    /** The body of the request a script is answering. */
    String bodyOf(HttpExchange exchange) {
        return (String) exchange.getAttribute(BODY);
    }

    /** Serves {@code script} at {@code /<name>/v1/chat/completions} and returns that base URL. */
    URI script(String name, Script script) {
        return script(name, "chat/completions", script);
    }

    /** Serves {@code script} at {@code /<name>/v1/<path>} and returns the base URL {@code /<name>/v1}. */
    URI script(String name, String path, Script script) {
        server.createContext("/" + name + "/v1/" + path, exchange -> {
            portsByName.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>())
                    .add(exchange.getRemoteAddress().getPort());
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).ifPresent(authorizations::add);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(body);
            bodiesByName.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(body);
            exchange.setAttribute(BODY, body);
            try {
                script.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/v1");
    }

    static void startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
    }

    static void event(HttpExchange exchange, String data) throws IOException {
        OutputStream body = exchange.getResponseBody();
        body.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    static String delta(String content) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":null}]}";
    }

    static String roleChunk() {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}";
    }

    static String usageChunk(int prompt, int completion) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    static void whole(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void tokens(HttpExchange exchange, List<String> tokens, long gapMillis) throws IOException,
            InterruptedException {
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                Thread.sleep(gapMillis);
            }
            event(exchange, delta(tokens.get(i)));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
